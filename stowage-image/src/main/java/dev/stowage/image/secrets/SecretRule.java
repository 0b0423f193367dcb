package dev.stowage.image.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The secret rules. A content rule runs on every text file that contains one of its keywords; a
 * file rule runs only on files of its name. {@code group} is the regex group that holds the secret
 * value. Immutable.
 */
public enum SecretRule {
  GCP_SERVICE_ACCOUNT(
      "gcp-service-account",
      "Google Cloud service-account key (JSON with a private key)",
      List.of("service_account"),
      Pattern.compile("\"private_key\"\\s*:\\s*\"(-----BEGIN[^\"]{16,16384})\""),
      1),
  PRIVATE_KEY(
      "private-key",
      "Private key (PEM or OpenSSH)",
      List.of("PRIVATE KEY"),
      Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----([\\s\\S]{16,65536}?)-----END "),
      1),
  AWS_ACCESS_KEY_ID(
      "aws-access-key-id",
      "AWS access key id",
      List.of("AKIA", "ASIA", "ABIA", "ACCA"),
      Pattern.compile("(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])"),
      1),
  AWS_SECRET_ACCESS_KEY(
      "aws-secret-access-key",
      "AWS secret access key",
      List.of("aws", "AWS", "Aws"),
      Pattern.compile(
          "(?i)aws_?secret_?(?:access_?)?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
      1),
  GITHUB_TOKEN(
      "github-token",
      "GitHub token",
      List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
      Pattern.compile("(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])"),
      1),
  GITLAB_TOKEN(
      "gitlab-token",
      "GitLab personal access token",
      List.of("glpat-"),
      Pattern.compile("(?<![A-Za-z0-9_])(glpat-[A-Za-z0-9_\\-]{20,})"),
      1),
  SLACK_TOKEN(
      "slack-token",
      "Slack token",
      List.of("xox"),
      Pattern.compile("(?<![A-Za-z0-9])(xox[baprs]-[0-9]{6,}-[A-Za-z0-9-]{6,})"),
      1),
  SLACK_WEBHOOK(
      "slack-webhook",
      "Slack incoming-webhook URL",
      List.of("hooks.slack.com"),
      Pattern.compile("(https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]{6,}/B[A-Za-z0-9_]{6,}/[A-Za-z0-9_]{20,})"),
      1),
  STRIPE_KEY(
      "stripe-key",
      "Stripe secret or restricted key",
      List.of("sk_live_", "rk_live_", "sk_test_", "rk_test_"),
      Pattern.compile("(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,99})(?![A-Za-z0-9])"),
      1),
  NPM_TOKEN(
      "npm-token",
      "npm access token",
      List.of("npm_"),
      Pattern.compile("(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])"),
      1),
  DOTENV(
      "dotenv-secret",
      "Secret-looking variable in a .env file",
      List.of(),
      Pattern.compile(
          "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*(?i:secret|token|passw|pwd|api_?key|private_?key|credential|access_?key|auth)[A-Za-z0-9_]*)[ \\t]*=[ \\t]*(\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s#]*)"),
      2),
  NPMRC_AUTH(
      "npmrc-auth",
      "Registry credentials in .npmrc",
      List.of(),
      Pattern.compile("(?m)^[ \\t]*(?:\\S*:)?(?:_authToken|_auth|_password)[ \\t]*=[ \\t]*(\\S+)"),
      1),
  PYPIRC_PASSWORD(
      "pypirc-password",
      "Password in .pypirc",
      List.of(),
      Pattern.compile("(?m)^[ \\t]*password[ \\t]*[=:][ \\t]*(\\S[^\\r\\n]*?)[ \\t]*$"),
      1),
  DOCKER_CONFIG_AUTH(
      "docker-config-auth",
      "Registry credentials in docker's config.json",
      List.of(),
      Pattern.compile("\"(?:auth|identitytoken|password)\"\\s*:\\s*\"([^\"]{4,})\""),
      1);

  private final String id;
  private final String title;
  private final List<String> keywords;
  private final Pattern pattern;
  private final int group;

  SecretRule(String id, String title, List<String> keywords, Pattern pattern, int group) {
    this.id = id;
    this.title = title;
    this.keywords = keywords;
    this.pattern = pattern;
    this.group = group;
  }

  /** The stable rule id ({@code private-key}, {@code aws-access-key-id}, ...). */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  Pattern pattern() {
    return pattern;
  }

  int group() {
    return group;
  }

  /** Whether this rule runs on every file whose content has one of its keywords. */
  boolean contentRule() {
    return !keywords.isEmpty();
  }

  boolean mayMatch(String text) {
    for (String k : keywords) {
      if (text.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this file rule applies to the file {@code name} at {@code path}. */
  boolean appliesTo(String name, String path, String text) {
    String lower = name.toLowerCase(Locale.ROOT);
    return switch (this) {
      case DOTENV -> (lower.equals(".env") || lower.startsWith(".env.") || lower.endsWith(".env"))
          && !lower.matches(".*\\.(example|sample|template|dist|defaults?|tmpl)$");
      case NPMRC_AUTH -> lower.equals(".npmrc") || path.equals("/usr/etc/npmrc") || path.equals("/etc/npmrc");
      case PYPIRC_PASSWORD -> lower.equals(".pypirc");
      case DOCKER_CONFIG_AUTH -> lower.equals("config.json") && path.contains("/.docker/") && text.contains("\"auths\"");
      default -> false;
    };
  }

  /** Whether {@code value} is a placeholder rather than a secret. */
  boolean placeholder(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.isEmpty() || v.startsWith("$") || v.startsWith("<") || v.startsWith("%(") || v.startsWith("{{")) {
      return true;
    }
    if (v.contains("example") || v.matches("(x+|\\*+|\\.+|changeme|change_me|changeit|null|none|true|false|password|secret|todo)")) {
      return true;
    }
    return this == DOCKER_CONFIG_AUTH && v.isBlank();
  }
}
