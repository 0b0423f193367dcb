package dev.stowage.dockerfile.shell;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A redirection such as {@code >file}, {@code 2>&1}, {@code &>/dev/null}, {@code <<EOF} or {@code
 * <<<word}; immutable, offsets 0-based into the parsed input.
 *
 * <p>{@code operator} is the operator as written ({@code >}, {@code >>}, {@code <}, {@code <<},
 * {@code <<-}, {@code <<<}, {@code >&}, {@code <&}, {@code &>}, {@code &>>}, {@code <>}, {@code
 * >|}); {@code target} is the file, descriptor, here-document delimiter or here-string word.
 */
public record Redirection(
    OptionalInt fd,
    String operator,
    Word target,
    Optional<HereDocument> hereDocument,
    int offset,
    int endOffset)
    implements Node {}
