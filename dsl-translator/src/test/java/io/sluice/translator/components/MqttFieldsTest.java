package io.sluice.translator.components;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MqttFieldsTest {

    @Test
    void brokerUrlsTakeTheFormsBentoAccepts() {
        assertThat(MqttFields.brokerUrl("tcp://broker:1883")).isEqualTo("tcp://broker:1883");
        assertThat(MqttFields.brokerUrl("mqtt://broker:1883/")).isEqualTo("tcp://broker:1883");
        assertThat(MqttFields.brokerUrl("broker:1883")).isEqualTo("tcp://broker:1883");
        assertThat(MqttFields.brokerUrl("MQTTS://broker:8883")).isEqualTo("ssl://broker:8883");
        assertThat(MqttFields.brokerUrl("tls://broker:8883")).isEqualTo("ssl://broker:8883");
        assertThat(MqttFields.brokerUrl("wss://broker/mqtt")).isEqualTo("wss://broker/mqtt");
    }

    @Test
    void topicFiltersUseWildcardsOnlyAsWholeLevels() {
        assertThat(MqttInput.topicFilterProblem("sensors/+/temp")).isNull();
        assertThat(MqttInput.topicFilterProblem("sensors/#")).isNull();
        assertThat(MqttInput.topicFilterProblem("#")).isNull();
        assertThat(MqttInput.topicFilterProblem("sensors/#/temp")).contains("'#'");
        assertThat(MqttInput.topicFilterProblem("sensors/te#")).contains("'#'");
        assertThat(MqttInput.topicFilterProblem("sensors/t+")).contains("'+'");
        assertThat(MqttInput.topicFilterProblem("")).isEqualTo("is empty");
    }
}
