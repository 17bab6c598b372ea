package io.twofakit.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one {@link ObjectMapper} of the HTTP layer: dates as ISO-8601 strings, {@code null} properties left out,
 * unknown properties ignored, no silent coercion of wrong JSON types (a string where a number belongs, or a
 * number or boolean where a string belongs, is a 400), no text the databases cannot store ({@link StorableText}), and
 * required properties checked by bean validation (so that every missing field is reported, not only the first). A real class: Jersey ignores a lambda registered as a resolver.
 */
@Provider
public class JsonMapperProvider implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    /** @param mapper one made by {@link #createObjectMapper()} */
    public JsonMapperProvider(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static ObjectMapper createObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(StorableText.jacksonModule())
                .annotationIntrospector(new RequiredByBeanValidation())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /**
     * The generated models mark required properties with {@code @JsonProperty(required = true)} on their
     * creator; Jackson would stop at the first missing one. They also carry {@code @NotNull}, so leave the
     * check to bean validation, which reports each missing field.
     */
    private static final class RequiredByBeanValidation extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasRequiredMarker(AnnotatedMember member) {
            return null;
        }
    }
}
