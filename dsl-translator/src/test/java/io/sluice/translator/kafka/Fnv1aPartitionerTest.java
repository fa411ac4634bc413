package io.sluice.translator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Fnv1aPartitionerTest {

    @Test
    void matchesGoSignedRemainderOfFnv1a32() {
        // FNV-1a 32 of "foo" is 0xa9f37ed7, negative as int32: Go's % keeps the sign, then Bento negates.
        assertThat(Fnv1aPartitioner.partition("foo".getBytes(StandardCharsets.UTF_8), 3)).isEqualTo(1);
        // FNV-1a 32 of "a" is 0xe40c292c = -468965076; -468965076 % 10 = -6 -> 6
        assertThat(Fnv1aPartitioner.partition("a".getBytes(StandardCharsets.UTF_8), 10)).isEqualTo(6);
        assertThat(Fnv1aPartitioner.partition("a".getBytes(StandardCharsets.UTF_8), 1)).isZero();
    }
}
