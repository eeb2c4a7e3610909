package dev.virex.cli.config;

import dev.virex.cli.Inputs;
import dev.virex.cli.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Applies a {@link ServeConfig} file to a {@code serve} command: every key is one of the command's
 * flags without its dashes, and a flag given on the command line wins over the file's setting of
 * the same name. Values go through the flags' own converters (each line is checked on its own, so
 * that an error names its line); relative paths are resolved against the file's folder.
 */
public final class ConfigFlags {
    /** Options that configure the run rather than the service, and so never come from the file. */
    private static final Set<String> NOT_IN_FILES = Set.of("config", "for");

    private ConfigFlags() {}

    /** The keys a configuration file of {@code spec}'s command may hold, and their kinds. */
    public static Map<String, ServeConfig.Kind> schema(CommandSpec spec) {
        Map<String, ServeConfig.Kind> out = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            String key = key(o);
            if (o.usageHelp() || o.versionHelp() || o.inherited() || NOT_IN_FILES.contains(key)) {
                continue;
            }
            boolean flag = o.arity().max() == 0;
            out.put(key, flag ? ServeConfig.Kind.YES_NO : o.isMultiValue() ? ServeConfig.Kind.MANY : ServeConfig.Kind.ONE);
        }
        return out;
    }

    /** Reads {@code file} as {@code role}'s configuration and sets every option of {@code spec} the command line left out. */
    public static void apply(CommandSpec spec, Path file, String role) {
        ServeConfig config;
        try {
            config = ServeConfig.parse(Inputs.readFile(file, ServeConfig.MAX_BYTES, role + " configuration"), role, schema(spec));
        } catch (ServeConfigException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        List<String> args = new ArrayList<>();
        for (ServeConfig.Setting s : config.settings()) {
            List<String> one = args(spec.findOption("--" + s.key()), s.value(), dir);
            try {
                fresh(spec).parseArgs(one.toArray(String[]::new));
            } catch (ParameterException e) {
                throw new UserError(file + ": line " + s.line() + ": " + e.getMessage());
            }
            args.addAll(one);
        }
        CommandLine fromFile = fresh(spec);
        fromFile.parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        for (OptionSpec o : spec.options()) {
            OptionSpec f = fromFile.getCommandSpec().findOption(o.longestName());
            if (f != null && fromFile.getParseResult().hasMatchedOption(f) && (given == null || !given.hasMatchedOption(o))) {
                o.setValue(f.getValue());
            }
        }
    }

    /** A usage error (exit code 2) naming the flag and the file key when {@code spec}'s option {@code --key} has no value. */
    public static void require(CommandSpec spec, String... keys) {
        for (String key : keys) {
            Object v = spec.findOption("--" + key).getValue();
            if (v == null || v instanceof List<?> l && l.isEmpty()) {
                throw new UserError("missing --" + key + " (or '" + key + "' in the --config file)", 2, null);
            }
        }
    }

    private static List<String> args(OptionSpec o, String value, Path dir) {
        if (o.arity().max() == 0) {
            return value.equals("yes") ? List.of(o.longestName()) : List.of();
        }
        Class<?> type = o.isMultiValue() ? o.auxiliaryTypes()[0] : o.type();
        return List.of(o.longestName(), type == Path.class ? dir.resolve(value).toString() : value);
    }

    private static CommandLine fresh(CommandSpec spec) {
        try {
            var constructor = spec.userObject().getClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            Object command = constructor.newInstance();
            return new CommandLine(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + spec.userObject().getClass() + " to read a configuration", e);
        }
    }

    private static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^--", "");
    }
}
