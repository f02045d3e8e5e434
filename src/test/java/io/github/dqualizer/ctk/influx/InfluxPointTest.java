package io.github.dqualizer.ctk.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfluxPointTest {

    @Test
    void rendersLineProtocolWithTypedFieldsAndEscapes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("a float", 1003.25);
        fields.put("whole", 1000.0);
        fields.put("int", 500);
        fields.put("ok", true);
        fields.put("text", "say \"hi\"");
        InfluxPoint point = new InfluxPoint("my measure,x", Map.of("process_name", "a b,c=d"), fields, 1_700_000_000_123L);

        assertThat(point.toLineProtocol()).isEqualTo(
                "my\\ measure\\,x,process_name=a\\ b\\,c\\=d a\\ float=1003.25,whole=1000.0,int=500i,ok=true,text=\"say \\\"hi\\\"\" 1700000000123");
    }
}
