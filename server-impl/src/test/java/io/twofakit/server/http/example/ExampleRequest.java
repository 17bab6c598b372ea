package io.twofakit.server.http.example;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A body shaped like a generated model: required properties through a creator, constraints on the getters. */
public class ExampleRequest {

    public enum Language {
        EN("en"), DE("de");

        private final String value;

        Language(String value) {
            this.value = value;
        }

        @Override
        @JsonValue
        public String toString() {
            return value;
        }

        public static Language fromString(String s) {
            for (Language l : values()) {
                if (l.value.equals(s)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("Unexpected string value '" + s + "'");
        }

        @JsonCreator
        public static Language fromValue(String s) {
            return fromString(s);
        }
    }

    public static class Channel {
        private Language language;
        private List<String> templateNames;

        public Channel() {
        }

        @JsonCreator
        public Channel(@JsonProperty(required = true, value = "language") Language language,
                       @JsonProperty(required = true, value = "templates") List<String> templateNames) {
            this.language = language;
            this.templateNames = templateNames;
        }

        @JsonProperty(required = true, value = "language")
        @NotNull
        public Language getLanguage() {
            return language;
        }

        @JsonProperty(required = true, value = "templates")
        @NotNull
        @Size(min = 1)
        public List<@NotNull String> getTemplateNames() {
            return templateNames;
        }
    }

    private String name;
    private Integer attempts = 3;
    private List<@Valid Channel> channels;

    public ExampleRequest() {
    }

    @JsonCreator
    public ExampleRequest(@JsonProperty(required = true, value = "name") String name,
                          @JsonProperty(required = true, value = "channels") List<@Valid Channel> channels) {
        this.name = name;
        this.channels = channels;
    }

    @JsonProperty(required = true, value = "name")
    @NotNull
    @Size(max = 10)
    public String getName() {
        return name;
    }

    @JsonProperty("attempts")
    @Min(1)
    public Integer getAttempts() {
        return attempts;
    }

    @JsonProperty("attempts")
    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    @JsonProperty(required = true, value = "channels")
    @NotNull
    @Valid
    public List<@Valid Channel> getChannels() {
        return channels;
    }
}
