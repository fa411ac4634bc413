package io.sluice.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The load generator's response reader: responses may arrive in any number of pieces. */
class ResponseParserTest {

    private final PostLoad.ResponseParser parser = new PostLoad.ResponseParser();

    @Test
    void readsAnEmpty200InOnePiece() {
        assertThat(parser.feed(Buffer.buffer("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"))).isEqualTo(200);
    }

    @Test
    void waitsForTheWholeHeadAndBody() {
        assertThat(parser.feed(Buffer.buffer("HTTP/1.1 503 Service Unavailable\r\nContent-Le"))).isZero();
        assertThat(parser.feed(Buffer.buffer("ngth: 5\r\n\r\n{\"a\""))).isZero();
        assertThat(parser.feed(Buffer.buffer(":"))).isEqualTo(503);
        assertThat(parser.feed(Buffer.buffer("HTTP/1.1 200 OK\r\n\r\n"))).isEqualTo(200);
    }

    @Test
    void refusesChunkedReplies() {
        assertThatThrownBy(() -> parser.feed(Buffer.buffer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")))
                .isInstanceOf(IllegalStateException.class);
    }
}
