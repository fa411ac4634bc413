package io.sluice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.routes.front.GatewayException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryPolicyStore store = new InMemoryPolicyStore();
    private final Policies policies = new Policies(store);

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void policiesReplaceAccessRightsAndLimitsAndTheMostGenerousWins() throws Exception {
        store.put("silver", json("{\"rate\":10,\"per\":1,\"quota_max\":100,\"quota_renewal_rate\":3600,"
                + "\"access_rights\":{\"a\":{\"api_id\":\"a\"}}}"));
        store.put("gold", json("{\"rate\":100,\"per\":1,\"quota_max\":1000,\"quota_renewal_rate\":3600,"
                + "\"access_rights\":{\"b\":{\"api_id\":\"b\"}}}"));
        Session key = new Session(json("{\"rate\":1,\"per\":1,\"access_rights\":{\"c\":{}},"
                + "\"apply_policies\":[\"silver\",\"gold\"],\"meta_data\":{\"tier\":\"x\"}}"));

        Session effective = policies.apply(key);

        assertThat(effective.mayAccess("a")).isTrue();
        assertThat(effective.mayAccess("b")).isTrue();
        assertThat(effective.mayAccess("c")).as("the key's own rights give way to its policies'").isFalse();
        assertThat(effective.json().path("rate").asInt()).isEqualTo(100);
        assertThat(effective.json().path("quota_max").asInt()).isEqualTo(1000);
        assertThat(effective.metadata("tier")).isEqualTo("x");
        assertThat(key.json().path("rate").asInt()).as("the stored session is untouched").isEqualTo(1);
    }

    @Test
    void aMissingOrInactivePolicyDeniesAccess() throws Exception {
        store.put("off", json("{\"active\":false,\"access_rights\":{\"a\":{}}}"));
        assertThatThrownBy(() -> policies.apply(new Session(json("{\"apply_policies\":[\"nope\"]}"))))
                .isInstanceOf(GatewayException.class).hasMessage("Access to this API has been disallowed");
        assertThatThrownBy(() -> policies.apply(new Session(json("{\"apply_policies\":[\"off\"]}"))))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void anUnchangedKeyIsNotRebuiltAndAChangedPolicyIsSeen() throws Exception {
        store.put("silver", json("{\"rate\":10,\"per\":1,\"access_rights\":{\"a\":{\"api_id\":\"a\"}}}"));
        Session key = new Session(json("{\"apply_policies\":[\"silver\"]}"));

        Session first = policies.apply(key);
        assertThat(policies.apply(key)).as("the same key and policies: no rebuild").isSameAs(first);

        store.put("silver", json("{\"rate\":20,\"per\":1,\"access_rights\":{\"b\":{\"api_id\":\"b\"}}}"));
        Session changed = policies.apply(key);
        assertThat(changed.json().path("rate").asInt()).isEqualTo(20);
        assertThat(changed.mayAccess("b")).isTrue();
        assertThat(changed.mayAccess("a")).isFalse();
        assertThat(policies.apply(key)).isSameAs(changed);

        store.delete("silver");
        assertThatThrownBy(() -> policies.apply(key)).as("a removed policy is seen too")
                .isInstanceOf(GatewayException.class);
        Session otherKey = new Session(json("{\"apply_policies\":[\"silver\"]}"));
        store.put("silver", json("{\"rate\":30,\"per\":1}"));
        assertThat(policies.apply(otherKey).json().path("rate").asInt()).isEqualTo(30);
    }

    @Test
    void theGatewayApiLearnsWhichPolicyIsUnusable() throws Exception {
        store.put("off", json("{\"active\":false}"));
        assertThatThrownBy(() -> policies.effective(new Session(json("{\"apply_policies\":[\"nope\"]}"))))
                .isInstanceOf(Policies.UnusablePolicy.class).hasMessage("policy 'nope' does not exist");
        assertThatThrownBy(() -> policies.effective(new Session(json("{\"apply_policies\":[\"off\"]}"))))
                .hasMessage("policy 'off' is inactive");
    }

    @Test
    void aSessionCanBeMadeOfPoliciesAlone() throws Exception {
        store.put("p", json("{\"rate\":5,\"per\":60,\"access_rights\":{\"a\":{\"api_id\":\"a\"}}}"));
        Session s = policies.fromPolicies(List.of("p"));
        assertThat(s.mayAccess("a")).isTrue();
        assertThat(s.json().path("per").asInt()).isEqualTo(60);
    }
}
