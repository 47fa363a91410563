package ai.spice.secrets.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public signatures of the module's exported packages, one per line, sorted: what users can compile against.
 * Read by reflection from the compiled classes, so the list cannot drift from the code.
 */
final class PublicApi {

    private PublicApi() {
    }

    static List<String> of(Path classesRoot) throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(classesRoot.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        List<String> lines = new ArrayList<>();
        lines.add("module " + module.name());
        for (ModuleDescriptor.Exports exports : module.exports()) {
            if (exports.isQualified()) {
                continue;
            }
            lines.add("exports " + exports.source());
            Path dir = classesRoot.resolve(exports.source().replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = exports.source() + "." + file.getFileName().toString().replace(".class", "");
                    describe(load(name), lines);
                }
            }
        }
        return lines.stream().sorted().distinct().toList();
    }

    /** Lines in {@code current} but not {@code recorded} are prefixed "+ ", the reverse "- "; empty if equal. */
    static List<String> diff(List<String> recorded, List<String> current) {
        List<String> changes = new ArrayList<>();
        current.stream().filter(line -> !recorded.contains(line)).forEach(line -> changes.add("+ " + line));
        recorded.stream().filter(line -> !current.contains(line)).forEach(line -> changes.add("- " + line));
        return changes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApi.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static void describe(Class<?> type, List<String> lines) {
        if (!Modifier.isPublic(type.getModifiers()) || type.isSynthetic()) {
            return;
        }
        String owner = type.getName();
        lines.add(owner + " : " + kind(type) + supertypes(type));
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            member(owner, constructor, lines);
        }
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isSynthetic() && !method.isBridge()) {
                member(owner, method, lines);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers()) && !field.isSynthetic()) {
                lines.add(owner + " : " + field.toGenericString());
            }
        }
    }

    private static void member(String owner, Executable executable, List<String> lines) {
        if (visible(executable.getModifiers())) {
            lines.add(owner + " : " + executable.toGenericString());
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> type) {
        String modifiers = Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.STATIC);
        String kind = type.isRecord() ? "record" : type.isEnum() ? "enum" : type.isInterface() ? "interface" : "class";
        return (modifiers.isEmpty() ? "" : modifiers + " ") + kind;
    }

    private static String supertypes(Class<?> type) {
        StringBuilder out = new StringBuilder();
        if (type.getGenericSuperclass() != null && !type.isRecord() && !type.isEnum() && type.getSuperclass() != Object.class) {
            out.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        for (var iface : type.getGenericInterfaces()) {
            out.append(" implements ").append(iface.getTypeName());
        }
        return out.toString();
    }
}
