package dev.chainrule.examples;

import dev.chainrule.core.export.Renderer;
import dev.chainrule.core.export.Renderer.Engine;
import dev.chainrule.examples.bench.BenchCommand;
import dev.chainrule.cli.Cli;
import dev.chainrule.examples.cli.DebugLog;
import dev.chainrule.examples.cli.QuickStart;
import dev.chainrule.examples.custom.CustomModelCommand;
import dev.chainrule.examples.fashion.FashionMnistCommand;
import dev.chainrule.examples.cnn.CnnCommand;
import dev.chainrule.examples.formulas.CompareCommand;
import dev.chainrule.examples.formulas.FormulasCommand;
import dev.chainrule.examples.formulas.TraceCommand;
import dev.chainrule.examples.fourequations.Bp4Command;
import dev.chainrule.examples.graph.GraphCommand;
import dev.chainrule.examples.mazur.MazurCommand;
import dev.chainrule.examples.newton.NewtonCommand;
import dev.chainrule.examples.onnx.ExportOnnxCommand;
import dev.chainrule.examples.sequence.SequenceCommand;
import dev.chainrule.examples.shallow.ShallowCommand;
import dev.chainrule.examples.soak.SoakCommand;
import dev.chainrule.examples.testnet.TestNetBatchCommand;
import dev.chainrule.examples.testnet.TestNetSingleCommand;
import dev.chainrule.examples.xor.XorCommand;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * The examples jar's entry point: {@code java -jar examples/target/chainrule-examples.jar
 * <subcommand>}. Each subcommand is one runnable program; {@code list} names them all, and
 * {@code <subcommand> --help} (or {@code -h}, or {@code help <subcommand>}) describes one.
 */
@Command(name = "chainrule-examples", mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    version = "chainrule examples 0.1.0",
    description = "Runnable chainrule examples: the seeds' networks, training, graphs, formulas.",
    subcommands = {ListCommand.class, MazurCommand.class, XorCommand.class, ShallowCommand.class,
        FashionMnistCommand.class, CustomModelCommand.class, Bp4Command.class,
        TestNetBatchCommand.class, TestNetSingleCommand.class, GraphCommand.class,
        ExportOnnxCommand.class, FormulasCommand.class, CompareCommand.class, TraceCommand.class,
        SoakCommand.class,
        BenchCommand.class, SequenceCommand.class, CnnCommand.class, NewtonCommand.class,
        HelpCommand.class})
public final class Main implements Runnable {
  /**
   * Runs the command line and exits with its status; a one-picture {@code graph} command drawn by
   * the bundled Graphviz runs in a JVM started for a short run ({@link QuickStart}), which starts
   * the engine before it reads the command line.
   */
  public static void main(String[] args) {
    OptionalInt quick = QuickStart.run(args);
    if (quick.isPresent()) {
      System.exit(quick.getAsInt());
    }
    if (QuickStart.isSecondJvm()) {
      Renderer.using(Engine.WASM).warmUp();
    }
    DebugLog.fromSystemProperty();
    System.exit(Cli.run(new Main(), args));
  }

  /** Without a subcommand, prints the list of subcommands. */
  @Override
  public void run() {
    new ListCommand().run();
  }
}
