package io.sluice.bloblang.lib;

import io.sluice.bloblang.exec.Closure;
import io.sluice.bloblang.value.EvalError;

/**
 * Every function and method Bento 1.16 registers is known to the parser, so mappings that use one
 * Sluice lacks still parse; executing it fails with an error that names it (never a wrong result).
 */
final class NotImplemented {
    private static final String METHODS = "abs all any append apply array assign bloblang bool bytes capitalize catch"
            + " ceil collapse compare_argon2 compare_bcrypt compress concat contains cos decode decompress decrypt_aes"
            + " diff encode encrypt_aes enumerated escape_html escape_url_query exists explode filepath_join"
            + " filepath_split filter find find_all find_all_by find_by flatten float32 float64 floor fold format"
            + " format_json format_msgpack format_timestamp format_timestamp_strftime format_timestamp_unix"
            + " format_timestamp_unix_micro format_timestamp_unix_milli format_timestamp_unix_nano format_xml"
            + " format_yaml from from_all geoip_anonymous_ip geoip_asn geoip_city geoip_connection_type"
            + " geoip_country geoip_domain geoip_enterprise geoip_isp get has_prefix has_suffix hash index index_of"
            + " int16 int32 int64 int8 join json_path json_schema key_values keys length log log10 lowercase map"
            + " map_each map_each_key max merge min not not_empty not_null number or parse_big_decimal parse_csv"
            + " parse_duration parse_duration_iso8601 parse_form_url_encoded parse_json parse_jwt_es256"
            + " parse_jwt_es384 parse_jwt_es512 parse_jwt_hs256 parse_jwt_hs384 parse_jwt_hs512 parse_jwt_rs256"
            + " parse_jwt_rs384 parse_jwt_rs512 parse_msgpack parse_parquet parse_timestamp parse_timestamp_strptime"
            + " parse_url parse_xml parse_yaml patch pow quote re_find_all re_find_all_object re_find_all_submatch"
            + " re_find_object re_match re_replace re_replace_all repeat replace replace_all replace_all_many"
            + " replace_many reverse round set sign_jwt_es256 sign_jwt_es384 sign_jwt_es512 sign_jwt_hs256"
            + " sign_jwt_hs384 sign_jwt_hs512 sign_jwt_rs256 sign_jwt_rs384 sign_jwt_rs512 sin slice slug sort"
            + " sort_by split split_by squash string strip_html sum tan trim trim_prefix trim_suffix ts_add_iso8601"
            + " ts_format ts_parse ts_round ts_strftime ts_strptime ts_sub ts_sub_iso8601 ts_tz ts_unix"
            + " ts_unix_micro ts_unix_milli ts_unix_nano type uint16 uint32 uint64 uint8 unescape_html"
            + " unescape_url_query unique unquote uppercase values with without zip";
    private static final String FUNCTIONS = "batch_index batch_size cache_add cache_delete cache_get cache_set"
            + " content cosine_similarity count counter deleted env error error_source_label error_source_path"
            + " error_source_type errored fake file file_rel file_rel_json flow_id hostname json ksuid meta metadata"
            + " nanoid nothing now pi random_int range root_meta snowflake_id throw timestamp_unix"
            + " timestamp_unix_micro timestamp_unix_milli timestamp_unix_nano tracing_id tracing_span ulid uuid_v4"
            + " var";

    private NotImplemented() {
    }

    static void register() {
        for (String name : METHODS.split(" ")) {
            if (!Library.hasMethod(name)) {
                Library.methodCtor(name, Signature.variadic(), (target, args) -> new Closure("method " + name, ctx -> {
                    throw new EvalError("method '" + name + "' is not implemented by Sluice");
                }));
            }
        }
        for (String name : FUNCTIONS.split(" ")) {
            if (!Library.hasFunction(name)) {
                Library.functionCtor(name, Signature.variadic(), args -> new Closure("function " + name, ctx -> {
                    throw new EvalError("function '" + name + "' is not implemented by Sluice");
                }));
            }
        }
    }
}
