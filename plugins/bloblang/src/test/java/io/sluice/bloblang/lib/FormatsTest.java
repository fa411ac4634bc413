package io.sluice.bloblang.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Round trips and edge cases of the format codecs beyond the conformance corpus. */
class FormatsTest {
    private static final byte[] TEXT = "hello hello hello hello, compressible world".getBytes(StandardCharsets.UTF_8);

    @Test
    void compressionRoundTrips() {
        for (String alg : List.of("gzip", "pgzip", "zlib", "flate", "lz4")) {
            byte[] packed = Compression.compress(alg, -1, TEXT);
            assertThat(Compression.decompress(alg, packed)).as(alg).isEqualTo(TEXT);
        }
        assertThat(Compression.compress("gzip", 9, TEXT)[0]).isEqualTo((byte) 0x1f);
    }

    @Test
    void unsupportedCompressionSaysSo() {
        assertThatThrownBy(() -> Compression.decompress("snappy", TEXT)).isInstanceOf(EvalError.class)
                .hasMessage("compression algorithm snappy is not implemented by Sluice");
        assertThatThrownBy(() -> Compression.compress("brotli", -1, TEXT))
                .hasMessage("compression type not recognised: brotli");
    }

    @Test
    void msgpackRoundTripsAndPacksIntegersCompactly() {
        Object value = GoJson.parse("{\"b\":[1,-1,300,2.5,true,null,\"x\"],\"a\":{\"n\":70000}}");
        byte[] packed = MsgPack.format(value);
        assertThat(GoJson.write(MsgPack.parse(packed), false)).isEqualTo("{\"a\":{\"n\":70000},\"b\":[1,-1,300,2.5,true,null,\"x\"]}");
        assertThat(MsgPack.format(1L)).containsExactly(0x01);
    }

    @Test
    void xmlRepeatsBecomeArraysAndTextSitsNextToAttributes() {
        String xml = "<?xml version=\"1.0\"?><!-- c --><list kind=a><item id=\"1\">one &amp; only</item>"
                + "<item id=\"2\"><![CDATA[<two>]]></item><empty/></list>";
        Map<String, Object> parsed = XmlMaps.parse(xml.getBytes(StandardCharsets.UTF_8), false);
        assertThat(GoJson.write(parsed, false)).isEqualTo("{\"list\":{\"-kind\":\"a\",\"empty\":\"\",\"item\":["
                + "{\"#text\":\"one & only\",\"-id\":\"1\"},{\"#text\":\"<two>\",\"-id\":\"2\"}]}}");
        assertThat(new String(XmlMaps.format(parsed, "", true), StandardCharsets.UTF_8)).isEqualTo(
                "<list kind=\"a\"><empty/><item id=\"1\">one &amp; only</item><item id=\"2\">&lt;two&gt;</item></list>");
    }

    @Test
    void xmlSyntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> XmlMaps.parse("<a>\n<b></a>".getBytes(StandardCharsets.UTF_8), false))
                .hasMessage("failed to parse value as XML: xml.Decoder.Token() - XML syntax error on line 2: "
                        + "element <b> closed by </a>");
    }

    @Test
    void yamlIsFormattedLikeGo() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("z", List.of("a", Map.of("k", 1L)));
        doc.put("a", 1.5);
        assertThat(new String(YamlCodec.format(doc), StandardCharsets.UTF_8)).isEqualTo("a: 1.5\nz:\n  - a\n  - k: 1\n");
        assertThat(GoJson.write(YamlCodec.parse("a: [1, x, true]\n".getBytes(StandardCharsets.UTF_8)), false))
                .isEqualTo("{\"a\":[1,\"x\",true]}");
    }

    @Test
    void urlsSplitAsGoDoes() {
        assertThat(GoJson.write(GoUrl.parse("https://u:p@example.com:8443/a%20b?q=1#frag"), false)).isEqualTo(
                "{\"fragment\":\"frag\",\"host\":\"example.com:8443\",\"opaque\":\"\",\"path\":\"/a b\","
                        + "\"raw_fragment\":\"\",\"raw_path\":\"\",\"raw_query\":\"q=1\",\"scheme\":\"https\","
                        + "\"user\":{\"name\":\"u\",\"password\":\"p\"}}");
        assertThat(GoUrl.parseQuery("a=1&b=x+y&a=2")).containsEntry("a", List.of("1", "2")).containsEntry("b", List.of("x y"));
    }

    @Test
    void checksumsMatchTheirReferenceValues() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Checksums.crc32(check, "IEEE")).containsExactly(0xcb, 0xf4, 0x39, 0x26);
        assertThat(Checksums.crc32(check, "Castagnoli")).containsExactly(0xe3, 0x06, 0x92, 0x83);
        assertThat(Checksums.fnv32(new byte[0])).isEqualTo(0x811c9dc5L);
        assertThat(Checksums.xxhash64(new byte[0])).isEqualTo("17241709254077376921");
    }
}
