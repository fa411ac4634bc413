package io.sluice.bloblang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values are stored without copying only where nothing can later write through them. */
class MappingAliasingTest {

    @Test
    void writingIntoACopyOfThisLeavesTheInputAlone() {
        Message in = Message.of("{\"a\":{\"x\":1}}");
        Message out = Bloblang.parse("root = this\nroot.a.x = 2").apply(in);
        assertThat(out.contentAsString()).isEqualTo("{\"a\":{\"x\":2}}");
        assertThat(Bloblang.parse("root = this.a.x").apply(in).contentAsString()).isEqualTo("1");
    }

    @Test
    void aValueTakenFromRootIsCopiedBeforeRootChanges() {
        Message out = Bloblang.parse("root.a = {\"k\": 1}\nlet v = root.a\nroot.b = $v\nroot.a.k = 2\nroot.c = root.a\nroot.a.k = 3")
                .apply(Message.of("{}"));
        assertThat(out.contentAsString()).isEqualTo("{\"a\":{\"k\":3},\"b\":{\"k\":1},\"c\":{\"k\":2}}");
    }

    @Test
    void rootAssignedIntoItselfIsASnapshot() {
        Message out = Bloblang.parse("root = this\nroot.first = root").apply(Message.of("{\"foo\":\"bar\"}"));
        assertThat(out.contentAsString()).isEqualTo("{\"first\":{\"foo\":\"bar\"},\"foo\":\"bar\"}");
    }

    @Test
    void aMutationOfAMappedMessageDoesNotChangeTheOtherPlacesAValueWasStored() {
        Message mapped = Bloblang.parse("root.a = this.obj\nroot.b = this.obj").apply(Message.of("{\"obj\":{\"n\":1}}"));
        assertThat(mapped.structureMayBeShared()).isTrue();
        Message mutated = Bloblang.parse("root.a.n = 2").mutate(mapped);
        assertThat(mutated.contentAsString()).isEqualTo("{\"a\":{\"n\":2},\"b\":{\"n\":1}}");
    }

    @Test
    void literalsAreNotChangedByTheMessagesTheyWereStoredIn() {
        Mapping m = Bloblang.parse("root = {\"n\": 1}");
        Message first = m.apply(Message.of("{}"));
        Bloblang.parse("root.n = 2").mutate(first);
        assertThat(m.apply(Message.of("{}")).contentAsString()).isEqualTo("{\"n\":1}");
    }
}
