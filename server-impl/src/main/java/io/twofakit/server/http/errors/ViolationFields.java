package io.twofakit.server.http.errors;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the field of a bean-validation violation as the client wrote it. The validator reports a path in
 * Java terms ({@code createSmsTemplate.arg0.channels[0].templates}); the client sees {@code channels[0].templates}
 * for a body property, or the parameter's own name ({@code language}) for a query, path or header parameter.
 */
final class ViolationFields {

    private ViolationFields() {
    }

    static String field(ConstraintViolation<?> violation) {
        Class<?> rootClass = violation.getRootBeanClass();
        Method method = null;
        Type currentType = null;
        StringBuilder field = new StringBuilder();
        boolean body = false;

        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            switch (kind) {
                case METHOD, CONSTRUCTOR -> {
                    if (kind == ElementKind.METHOD && rootClass != null) {
                        method = findMethod(rootClass, node.as(Path.MethodNode.class));
                    }
                }
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    String parameterName = method == null ? null : jaxRsParameterName(method, index);
                    if (parameterName != null) {
                        field.append(parameterName);
                    } else {
                        body = true;
                        currentType = method == null ? null : method.getGenericParameterTypes()[index];
                    }
                }
                case PROPERTY -> {
                    appendIndex(field, node);
                    Class<?> beanClass = rawClass(currentType);
                    String name = node.getName();
                    String jsonName = beanClass == null ? name : jsonName(beanClass, name);
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(jsonName);
                    currentType = beanClass == null ? null : propertyType(beanClass, name);
                    currentType = elementTypeIfContainer(currentType);
                }
                case CONTAINER_ELEMENT -> appendIndex(field, node);
                case RETURN_VALUE -> field.append("response");
                default -> {
                    // BEAN and CROSS_PARAMETER add nothing to the name
                }
            }
        }
        if (field.isEmpty()) {
            return body || method != null ? JsonProblems.BODY : String.valueOf(violation.getPropertyPath());
        }
        return field.toString();
    }

    private static void appendIndex(StringBuilder field, Path.Node node) {
        if (node.isInIterable()) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
    }

    private static Method findMethod(Class<?> type, Path.MethodNode node) {
        Class<?>[] parameterTypes = node.getParameterTypes().toArray(new Class<?>[0]);
        try {
            return type.getMethod(node.getName(), parameterTypes);
        } catch (NoSuchMethodException e) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(node.getName())
                        && candidate.getParameterCount() == parameterTypes.length) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** The name of a query, path, header, cookie, matrix or form parameter; null for the request body. */
    static String jaxRsParameterName(Method method, int index) {
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(method.getDeclaringClass());
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            try {
                Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
                for (Annotation annotation : declared.getParameterAnnotations()[index]) {
                    String name = parameterName(annotation);
                    if (name != null) {
                        return name;
                    }
                }
            } catch (NoSuchMethodException e) {
                // look further up
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return null;
    }

    private static String parameterName(Annotation annotation) {
        if (annotation instanceof QueryParam a) {
            return a.value();
        }
        if (annotation instanceof PathParam a) {
            return a.value();
        }
        if (annotation instanceof HeaderParam a) {
            return a.value();
        }
        if (annotation instanceof CookieParam a) {
            return a.value();
        }
        if (annotation instanceof MatrixParam a) {
            return a.value();
        }
        if (annotation instanceof FormParam a) {
            return a.value();
        }
        return null;
    }

    /** The JSON name of a Java bean property: its getter's or field's {@code @JsonProperty}, else the property. */
    static String jsonName(Class<?> beanClass, String property) {
        Method getter = getter(beanClass, property);
        if (getter != null) {
            JsonProperty json = getter.getAnnotation(JsonProperty.class);
            if (json != null && !json.value().isEmpty()) {
                return json.value();
            }
        }
        Field field = field(beanClass, property);
        if (field != null) {
            JsonProperty json = field.getAnnotation(JsonProperty.class);
            if (json != null && !json.value().isEmpty()) {
                return json.value();
            }
        }
        return property;
    }

    private static Type propertyType(Class<?> beanClass, String property) {
        Method getter = getter(beanClass, property);
        if (getter != null) {
            return getter.getGenericReturnType();
        }
        Field field = field(beanClass, property);
        return field == null ? null : field.getGenericType();
    }

    private static Type elementTypeIfContainer(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = rawClass(parameterized);
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw != null && Collection.class.isAssignableFrom(raw) && arguments.length == 1) {
                return arguments[0];
            }
            if (raw != null && Map.class.isAssignableFrom(raw) && arguments.length == 2) {
                return arguments[1];
            }
        }
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        return type;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Method getter(Class<?> beanClass, String property) {
        if (property == null || property.isEmpty()) {
            return null;
        }
        String capitalized = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (String name : List.of("get" + capitalized, "is" + capitalized, property)) {
            try {
                return beanClass.getMethod(name);
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static Field field(Class<?> beanClass, String property) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return type.getDeclaredField(property);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        return null;
    }
}
