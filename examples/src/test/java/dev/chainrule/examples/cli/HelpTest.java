package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chainrule.examples.Main;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Every command that {@code list} names answers {@code --help}, {@code -h} and {@code help
 * <command>} with its usage, exit status 0 and nothing on standard error; every option and
 * argument is described; and the usage, wrapped at 80 columns, breaks no word.
 */
class HelpTest {
  private static List<String> listed() {
    CliRun list = CliRun.of("list");
    assertEquals(0, list.status());
    List<String> names = new ArrayList<>();
    for (String line : list.out().split("\n")) {
      names.add(line.strip().split("\\s+")[0]);
    }
    assertTrue(names.size() >= 15 && names.contains("fashion-mnist"), list.out());
    return names;
  }

  @TestFactory
  List<DynamicTest> everyListedCommandHasHelp() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : listed()) {
      tests.add(dynamicTest(name + " --help", () -> {
        CliRun help = CliRun.of(name, "--help");
        assertEquals(0, help.status(), help.err());
        assertEquals("", help.err());
        assertTrue(help.out().contains("Usage: chainrule-examples " + name), help.out());
        assertTrue(help.out().contains("-h, --help"), help.out());
        assertEquals(help, CliRun.of(name, "-h"), "-h is --help");
        assertEquals(help.out(), CliRun.of("help", name).out(), "help " + name + " is --help");
      }));
    }
    return tests;
  }

  @Test
  void everyOptionAndArgumentIsDescribed() {
    for (Map.Entry<String, CommandLine> e : new CommandLine(new Main()).getSubcommands()
        .entrySet()) {
      for (ArgSpec arg : e.getValue().getCommandSpec().args()) {
        String what = e.getKey() + " " + arg.paramLabel();
        assertTrue(arg.description().length > 0 && !arg.description()[0].isBlank(),
            what + " has no description");
      }
    }
  }

  @Test
  void wrappingTheUsageBreaksNoWord() {
    for (Map.Entry<String, CommandLine> e : new CommandLine(new Main()).getSubcommands()
        .entrySet()) {
      String wrapped = e.getValue().getUsageMessage();
      CommandLine wide = new CommandLine(new Main()).getSubcommands().get(e.getKey());
      wide.setUsageHelpWidth(1000);
      List<String> words = Arrays.asList(wrapped.strip().split("\\s+"));
      assertEquals(Arrays.asList(wide.getUsageMessage().strip().split("\\s+")), words,
          e.getKey() + "'s usage, wrapped at 80 columns, splits a word:\n" + wrapped);
      for (String line : wrapped.split("\n")) {
        assertFalse(line.length() > 80, e.getKey() + ": a line over 80 columns: " + line);
      }
    }
  }
}
