package dev.stowage.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  @Test
  void aRequestSurvivesEncodingWithAnyText() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/home/zoë");
    env.put("EMPTY", "");
    env.put("BIG", "x".repeat(200_000)); // beyond DataOutput.writeUTF's 64 KiB
    Protocol.Request r =
        new Protocol.Request(
            Protocol.VERSION,
            "/srv/проект",
            env,
            List.of("lint", "--format", "json", "日本/Dockerfile", ""),
            true,
            Map.of("file.encoding", "UTF-8"));
    assertThat(Protocol.Request.decode(r.encode())).isEqualTo(r);
  }

  @Test
  void anotherVersionDecodesToARequestOfThatVersion() throws IOException {
    byte[] payload = ByteBuffer.allocate(8).putInt(Protocol.VERSION + 1).putInt(-1).array();
    assertThat(Protocol.Request.decode(payload).version()).isEqualTo(Protocol.VERSION + 1);
  }

  @Test
  void malformedRequestsAreRefused() {
    byte[] good =
        new Protocol.Request(Protocol.VERSION, "/", Map.of(), List.of("parse"), false, Map.of())
            .encode();
    byte[] cut = java.util.Arrays.copyOf(good, good.length - 3);
    assertThatThrownBy(() -> Protocol.Request.decode(cut)).isInstanceOf(EOFException.class);
    byte[] negative = ByteBuffer.allocate(8).putInt(Protocol.VERSION).putInt(-5).array();
    assertThatThrownBy(() -> Protocol.Request.decode(negative)).hasMessageContaining("malformed");
  }

  @Test
  void framesRoundTripAndTheEndBetweenFramesIsNull() throws IOException {
    Pipe pipe = Pipe.open();
    byte[] text = "héllo\n".getBytes(StandardCharsets.UTF_8);
    Protocol.write(pipe.sink(), Protocol.OUT, text, 1, 4);
    Protocol.write(pipe.sink(), Protocol.NEED_STDIN);
    Protocol.writeExit(pipe.sink(), 75);
    pipe.sink().close();
    Protocol.Frame out = Protocol.read(pipe.source());
    assertThat(out.type()).isEqualTo(Protocol.OUT);
    assertThat(out.payload()).isEqualTo(java.util.Arrays.copyOfRange(text, 1, 5));
    Protocol.Frame need = Protocol.read(pipe.source());
    assertThat(need.type()).isEqualTo(Protocol.NEED_STDIN);
    assertThat(need.payload()).isEmpty();
    Protocol.Frame exit = Protocol.read(pipe.source());
    assertThat(exit.type()).isEqualTo(Protocol.EXIT);
    assertThat(Protocol.exitCode(exit)).isEqualTo(75);
    assertThat(Protocol.read(pipe.source())).isNull();
  }

  @Test
  void aFrameCutShortOrTooLongIsAnError() throws IOException {
    Pipe pipe = Pipe.open();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.write(Protocol.OUT);
    raw.writeBytes(ByteBuffer.allocate(4).putInt(10).array());
    raw.writeBytes(new byte[3]);
    Channels.newOutputStream(pipe.sink()).write(raw.toByteArray());
    pipe.sink().close();
    assertThatThrownBy(() -> Protocol.read(pipe.source())).isInstanceOf(EOFException.class);

    Pipe big = Pipe.open();
    ByteBuffer head = ByteBuffer.allocate(5).put(Protocol.ERR).putInt(Protocol.MAX_FRAME + 1).flip();
    big.sink().write(head);
    big.sink().close();
    assertThatThrownBy(() -> Protocol.read(big.source())).hasMessageContaining("malformed frame");
  }
}
