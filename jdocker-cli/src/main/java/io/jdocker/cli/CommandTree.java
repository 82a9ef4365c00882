package io.jdocker.cli;

import io.jdocker.cli.command.ApiCommand;
import io.jdocker.cli.command.AttachCommand;
import io.jdocker.cli.command.CommitCommand;
import io.jdocker.cli.command.ContainerInspectCommand;
import io.jdocker.cli.command.ContainerPruneCommand;
import io.jdocker.cli.command.CpCommand;
import io.jdocker.cli.command.CreateCommand;
import io.jdocker.cli.command.DiffCommand;
import io.jdocker.cli.command.ExecCommand;
import io.jdocker.cli.command.KillCommand;
import io.jdocker.cli.command.LogsCommand;
import io.jdocker.cli.command.PauseCommand;
import io.jdocker.cli.command.PsCommand;
import io.jdocker.cli.command.RenameCommand;
import io.jdocker.cli.command.RestartCommand;
import io.jdocker.cli.command.RmCommand;
import io.jdocker.cli.command.RunCommand;
import io.jdocker.cli.command.StartCommand;
import io.jdocker.cli.command.StatsCommand;
import io.jdocker.cli.command.StopCommand;
import io.jdocker.cli.command.SystemDfCommand;
import io.jdocker.cli.command.TopCommand;
import io.jdocker.cli.command.UnpauseCommand;
import io.jdocker.cli.command.WaitCommand;
import io.jdocker.cli.command.EventsCommand;
import io.jdocker.cli.command.GroupCommand;
import io.jdocker.cli.command.HistoryCommand;
import io.jdocker.cli.command.ImageInspectCommand;
import io.jdocker.cli.command.ImagesCommand;
import io.jdocker.cli.command.ImportCommand;
import io.jdocker.cli.command.InfoCommand;
import io.jdocker.cli.command.InspectCommand;
import io.jdocker.cli.command.LoadCommand;
import io.jdocker.cli.command.LoginCommand;
import io.jdocker.cli.command.LogoutCommand;
import io.jdocker.cli.command.PullCommand;
import io.jdocker.cli.command.PushCommand;
import io.jdocker.cli.command.SearchCommand;
import io.jdocker.cli.command.RmiCommand;
import io.jdocker.cli.command.SaveCommand;
import io.jdocker.cli.command.TagCommand;
import io.jdocker.cli.command.VersionCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Which command answers to which names. Docker's shortcuts ({@code images}, {@code rmi}) and
 * management forms ({@code image ls}, {@code image rm}) get separate instances of one class; new
 * commands (container, network, …) are added to {@link #TABLE}.
 *
 * <p>Building picocli's model reflects over every command class, which dominated start-up; so
 * only the command the arguments name is built, and the whole tree only for help and errors.
 */
final class CommandTree {
  private record Entry(String group, String name, Class<?> command, List<String> aliases) {
    String path() {
      return group.isEmpty() ? name : group + " " + name;
    }
  }

  private static final Map<String, String> GROUPS = new LinkedHashMap<>();
  private static final List<Entry> TABLE = new ArrayList<>();
  /** Root options that take a value, to find the command word in the arguments. */
  private static final Set<String> ROOT_VALUE_OPTIONS = Set.of("-H", "--host", "-l", "--log-level", "--config");

  static {
    GROUPS.put("container", "Manage containers");
    GROUPS.put("image", "Manage images");
    GROUPS.put("system", "Manage Docker");
    top("run", RunCommand.class);
    top("exec", ExecCommand.class);
    top("ps", PsCommand.class);
    top("create", CreateCommand.class);
    top("start", StartCommand.class);
    top("stop", StopCommand.class);
    top("restart", RestartCommand.class);
    top("kill", KillCommand.class);
    top("wait", WaitCommand.class);
    top("rm", RmCommand.class);
    top("logs", LogsCommand.class);
    top("top", TopCommand.class);
    top("stats", StatsCommand.class);
    top("pause", PauseCommand.class);
    top("unpause", UnpauseCommand.class);
    top("rename", RenameCommand.class);
    top("attach", AttachCommand.class);
    top("diff", DiffCommand.class);
    top("cp", CpCommand.class);
    top("commit", CommitCommand.class);
    top("pull", PullCommand.class);
    top("push", PushCommand.class);
    top("images", ImagesCommand.class);
    top("login", LoginCommand.class);
    top("logout", LogoutCommand.class);
    top("search", SearchCommand.class);
    top("import", ImportCommand.class);
    top("tag", TagCommand.class);
    top("rmi", RmiCommand.class);
    top("inspect", InspectCommand.class);
    top("history", HistoryCommand.class);
    top("save", SaveCommand.class);
    top("load", LoadCommand.class);
    top("events", EventsCommand.class);
    top("version", VersionCommand.class);
    top("info", InfoCommand.class);
    sub("container", "attach", AttachCommand.class);
    sub("container", "commit", CommitCommand.class);
    sub("container", "cp", CpCommand.class);
    sub("container", "create", CreateCommand.class);
    sub("container", "diff", DiffCommand.class);
    sub("container", "exec", ExecCommand.class);
    sub("container", "inspect", ContainerInspectCommand.class);
    sub("container", "kill", KillCommand.class);
    sub("container", "logs", LogsCommand.class);
    sub("container", "ls", PsCommand.class, "list", "ps");
    sub("container", "pause", PauseCommand.class);
    sub("container", "prune", ContainerPruneCommand.class);
    sub("container", "rename", RenameCommand.class);
    sub("container", "restart", RestartCommand.class);
    sub("container", "rm", RmCommand.class, "remove");
    sub("container", "run", RunCommand.class);
    sub("container", "start", StartCommand.class);
    sub("container", "stats", StatsCommand.class);
    sub("container", "stop", StopCommand.class);
    sub("container", "top", TopCommand.class);
    sub("container", "unpause", UnpauseCommand.class);
    sub("container", "wait", WaitCommand.class);
    sub("image", "ls", ImagesCommand.class, "list");
    sub("image", "import", ImportCommand.class);
    sub("image", "pull", PullCommand.class);
    sub("image", "push", PushCommand.class);
    sub("image", "tag", TagCommand.class);
    sub("image", "rm", RmiCommand.class, "remove");
    sub("image", "inspect", ImageInspectCommand.class);
    sub("image", "history", HistoryCommand.class);
    sub("image", "save", SaveCommand.class);
    sub("image", "load", LoadCommand.class);
    sub("system", "info", InfoCommand.class);
    sub("system", "df", SystemDfCommand.class);
    sub("system", "events", EventsCommand.class);
  }

  private final CommandLine root;
  private final Map<String, CommandLine> groups = new LinkedHashMap<>();
  private final Map<Class<?>, List<String>> aliases = new LinkedHashMap<>();

  CommandTree(JdockerCli cli, String[] args) {
    root = new CommandLine(cli.spec());
    List<String> words = commandWords(args);
    Entry wanted = null;
    for (Entry e : TABLE) {
      if (wanted == null && matches(e, words)) {
        wanted = e;
      }
    }
    if (wanted != null) {
      register(wanted);
      return;
    }
    for (Entry e : TABLE) {
      register(e);
    }
    for (String group : GROUPS.keySet()) {
      group(group);
    }
  }

  CommandLine root() {
    return root;
  }

  /** Every invocation path of a command class ("image ls", "image list", "images"). */
  List<String> aliasesOf(Class<?> type) {
    return aliases.getOrDefault(type, List.of());
  }

  private static boolean matches(Entry entry, List<String> words) {
    if (entry.group().isEmpty()) {
      return !words.isEmpty() && (entry.name().equals(words.getFirst()) || entry.aliases().contains(words.getFirst()));
    }
    return words.size() > 1 && entry.group().equals(words.get(0))
        && (entry.name().equals(words.get(1)) || entry.aliases().contains(words.get(1)));
  }

  /** The first two words that are neither root options nor their values. */
  private static List<String> commandWords(String[] args) {
    List<String> words = new ArrayList<>();
    boolean inCommand = false;
    for (int i = 0; i < args.length && words.size() < 2; i++) {
      String a = args[i];
      if (a.startsWith("-")) {
        if (!inCommand && ROOT_VALUE_OPTIONS.contains(a)) {
          i++;
        }
        if (inCommand) {
          break;
        }
        continue;
      }
      words.add(a);
      inCommand = true;
    }
    return words;
  }

  private void register(Entry entry) {
    ApiCommand instance = instantiate(entry.command());
    CommandLine parent = entry.group().isEmpty() ? root : group(entry.group());
    parent.addSubcommand(entry.name(), new CommandLine(instance.spec()), entry.aliases().toArray(String[]::new));
    List<String> names = new ArrayList<>();
    for (Entry e : TABLE) {
      if (e.command() == entry.command()) {
        names.add(e.path());
        for (String a : e.aliases()) {
          names.add(e.group().isEmpty() ? a : e.group() + " " + a);
        }
      }
    }
    aliases.put(instance.getClass(), names);
  }

  private static ApiCommand instantiate(Class<?> type) {
    try {
      return (ApiCommand) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private CommandLine group(String name) {
    CommandLine group = groups.get(name);
    if (group == null) {
      group = new CommandLine(new GroupCommand(GROUPS.get(name)).spec());
      root.addSubcommand(name, group);
      groups.put(name, group);
    }
    return group;
  }

  private static void top(String name, Class<?> command, String... aliases) {
    TABLE.add(new Entry("", name, command, List.of(aliases)));
  }

  private static void sub(String group, String name, Class<?> command, String... aliases) {
    TABLE.add(new Entry(group, name, command, List.of(aliases)));
  }
}
