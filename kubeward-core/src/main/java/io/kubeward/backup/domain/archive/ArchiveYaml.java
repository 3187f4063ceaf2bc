package io.kubeward.backup.domain.archive;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/** The YAML of one archived object (UTF-8, no document marker, quoted numeric strings). */
final class ArchiveYaml {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private static final ObjectMapper YAML;

  static {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit((int) ArchiveReader.MAX_ENTRY_BYTES);
    loader.setNestingDepthLimit(100);
    loader.setAllowDuplicateKeys(false);
    YAML =
        new YAMLMapper(
            YAMLFactory.builder()
                .loaderOptions(loader)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .streamReadConstraints(
                    StreamReadConstraints.builder()
                        .maxNestingDepth(100)
                        .maxStringLength((int) ArchiveReader.MAX_ENTRY_BYTES)
                        .build())
                .build());
  }

  private ArchiveYaml() {}

  static byte[] write(Map<String, Object> object) {
    try {
      return YAML.writeValueAsBytes(object);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an object as YAML", e);
    }
  }

  static Map<String, Object> read(byte[] yaml, String entry) {
    try {
      Map<String, Object> object = YAML.readValue(yaml, OBJECT);
      if (object == null) {
        throw ArchiveException.corrupt(entry + " holds no object");
      }
      return object;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ArchiveException.corrupt(entry + " is not a YAML object: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
