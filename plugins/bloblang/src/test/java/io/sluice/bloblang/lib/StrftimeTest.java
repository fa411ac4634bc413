package io.sluice.bloblang.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bloblang.value.EvalError;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class StrftimeTest {
    private static final ZonedDateTime T = ZonedDateTime.of(2021, 1, 3, 7, 5, 9, 123_456_789, ZoneOffset.ofHours(2));

    @Test
    void formatsTheCommonDirectives() {
        assertThat(Strftime.format(T, "%Y-%m-%d %H:%M:%S.%f %z %:z")).isEqualTo("2021-01-03 07:05:09.123456 +0200 +02:00");
        assertThat(Strftime.format(T, "%a %A %b %B %j %p %I %y %C %u %w")).isEqualTo("Sun Sunday Jan January 003 AM 07 21 20 7 0");
        assertThat(Strftime.format(T, "%F %T %D %R %%")).isEqualTo("2021-01-03 07:05:09 01/03/21 07:05 %");
        assertThat(Strftime.format(T, "%U %W %V %G")).isEqualTo("01 00 53 2020");
    }

    @Test
    void honoursPaddingAndCaseFlags() {
        assertThat(Strftime.format(T, "%-d|%_d|%e|%^b|%#p|%5Y|%s")).isEqualTo("3| 3| 3|JAN|am|02021|1609650309");
        assertThat(Strftime.format(T, "%Q stays")).isEqualTo("%Q stays");
    }

    @Test
    void parsesWithDefaultsAndZones() {
        assertThat(Strptime.parse("03/01/2021 07:05 +0200", "%d/%m/%Y %H:%M %z")).isEqualTo(T.withSecond(0).withNano(0));
        assertThat(Strptime.parse("2021-Jan-3", "%Y-%b-%d").toString()).isEqualTo("2021-01-03T00:00Z");
        assertThat(Strptime.parse("12:30:00 PM", "%r").toString()).isEqualTo("1900-01-01T12:30Z");
        assertThat(Strptime.parse("2021 032", "%Y %j").toString()).isEqualTo("2021-02-01T00:00Z");
    }

    @Test
    void reportsWhatCouldNotBeParsed() {
        assertThatThrownBy(() -> Strptime.parse("2021-13-01", "%Y-%m-%d")).isInstanceOf(EvalError.class)
                .hasMessage("failed to parse \"2021-13-01\" with \"%Y-%m-%d\": cannot parse \"%m\"");
        assertThatThrownBy(() -> Strptime.parse("2021-01-01 extra", "%Y-%m-%d"))
                .hasMessageEndingWith("unparsed string \" extra\"");
    }
}
