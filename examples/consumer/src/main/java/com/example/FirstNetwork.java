package com.example;

import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.export.ImageFormat;
import dev.chainrule.core.export.RenderResult;
import dev.chainrule.core.export.Renderer;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.Equations;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.listeners.LossCurveListener;
import dev.chainrule.nn.listeners.ProgressBarListener;
import dev.chainrule.nn.listeners.TrainingListeners;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingGraph;
import java.nio.file.Files;
import java.nio.file.Path;

/** A first program on chainrule: trains a small network, prints its formulas, draws two PNGs. */
public class FirstNetwork {
  /** Writes the pictures to target/pictures. */
  public static void main(String[] args) throws Exception {
    Path out = Files.createDirectories(Path.of("target", "pictures"));

    // a 2-8-1 network on the two moons, samples as columns
    Dataset moons = Generators.moons(400, 0.1, 1);
    Sequential net = Sequential.builder(Layout.COLUMN, 2)
        .dense(8, Activation.tanh())
        .dense(1, Activation.sigmoid())
        .seed(1)
        .build();
    Loss loss = Loss.binaryCrossEntropyWithLogits();
    Trainer trainer = new Trainer(net, loss, Adam.of(0.02));

    // train with a progress bar, writing the loss curve when training ends
    trainer.fit(moons, FitOptions.defaults().epochs(40).batchSize(32).listener(
        TrainingListeners.all(ProgressBarListener.wholeRun(),
            LossCurveListener.to(out.resolve("loss.png"), "two moons, 2-8-1"))));
    System.out.printf("accuracy on the moons: %.3f%n", trainer.evaluate(moons).accuracy());

    // the backward pass of a batch of 32 as formulas
    TrainingGraph graph = trainer.trainingGraph(32);
    RewrittenGradients backward = Rewriter.standard()
        .gradients(graph.loss(), graph.parameters(), GradientForm.PER_SAMPLE);
    FormulaPrinter printer = FormulaPrinter.unicode().withSymbol("m", 32);
    for (Node equation : Equations.backward(backward.gradients())) {
      System.out.println(printer.equation(equation));
    }

    // the forward graph as a picture
    String dot = GraphExport.of(graph.loss()).toDot();
    RenderResult picture = Renderer.auto().write(dot, out.resolve("network.png"), ImageFormat.PNG);
    System.out.println(picture.rendered() ? "drew " + picture.file() : picture.message());
  }
}
