package io.kubeward.server.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The {@code kubeward.*} settings the server binds, read from its {@code @ConfigurationProperties}
 * classes (the build has no configuration-processor metadata): every record component or field,
 * nested records and lists of records followed, in Spring's canonical form ({@code
 * kubeward.security.encryption-key}, {@code kubeward.sso.group-mappings[*].role}). A {@code Map}
 * setting accepts any sub-key ({@code name.*}).
 */
final class ServerSettings {

  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

  private final Set<String> names = new TreeSet<>();

  private ServerSettings() {}

  /** Scans {@code io.kubeward.server} (and below) for {@code @ConfigurationProperties} classes. */
  static ServerSettings scan() {
    ServerSettings settings = new ServerSettings();
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.kubeward.server")) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      if (annotation == null) {
        continue; // only on a @Bean method: not Kubeward's own settings
      }
      String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      settings.walk(prefix, type);
    }
    return settings;
  }

  Set<String> names() {
    return names;
  }

  /** Whether {@code key} of a properties file is a setting the server binds. */
  boolean hasKey(String key) {
    String normalized = INDEX.matcher(key).replaceAll("[*]");
    if (names.contains(normalized)) {
      return true;
    }
    return names.stream()
        .filter(n -> n.endsWith(".*"))
        .anyMatch(n -> normalized.startsWith(n.substring(0, n.length() - 1)));
  }

  /**
   * The setting an environment variable binds to under Spring's relaxed binding (as the server
   * reads its environment), if any.
   */
  Optional<String> settingOfEnv(String variable) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(variable, "value")));
    ConfigurationPropertySource source =
        ConfigurationPropertySources.from(sources).iterator().next();
    return names.stream()
        .filter(n -> !n.contains("*"))
        .filter(n -> source.getConfigurationProperty(ConfigurationPropertyName.of(n)) != null)
        .findFirst();
  }

  private void walk(String prefix, Class<?> type) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        member(prefix, component.getName(), component.getType(), component.getGenericType());
      }
      return;
    }
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        member(prefix, field.getName(), field.getType(), field.getGenericType());
      }
    }
  }

  private void member(String prefix, String javaName, Class<?> type, Type generic) {
    String name = prefix + "." + kebab(javaName);
    if (nested(type)) {
      walk(name, type);
    } else if (Collection.class.isAssignableFrom(type)
        && elementType(generic) instanceof Class<?> e
        && nested(e)) {
      walk(name + "[*]", e);
    } else if (Map.class.isAssignableFrom(type)) {
      names.add(name + ".*");
    } else {
      names.add(name);
    }
  }

  /** Kubeward's own records are groups of settings; everything else is one value. */
  private static boolean nested(Class<?> type) {
    return type.isRecord() && type.getPackageName().startsWith("io.kubeward");
  }

  private static Type elementType(Type generic) {
    return generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
  }

  static String kebab(String camel) {
    StringBuilder out = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
