package dev.chainrule.examples.custom;

import dev.chainrule.core.check.GradCheck;
import dev.chainrule.core.check.GradCheckReport;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingGraph;

/**
 * Checks the custom {@link SkipNet} (with its user-written {@link Mish}) against finite
 * differences on a batch of 8, then trains it on the two moons.
 *
 * @param gradcheck reverse mode against central differences for every parameter
 * @param accuracy accuracy on the training moons
 * @param testAccuracy accuracy on fresh moons
 * @param history the training history
 */
public record CustomModelRun(GradCheckReport gradcheck, double accuracy, double testAccuracy,
    History history) {
  /** Returns the model this run checks and trains: 2 inputs, 8 mish units, weights from seed. */
  public static SkipNet model(long seed) {
    return new SkipNet(2, 8, seed);
  }

  /** Gradchecks, then trains for {@code epochs} epochs with seed {@code seed}. */
  public static CustomModelRun compute(int epochs, long seed) {
    Dataset train = Generators.moons(400, 0.15, seed);
    Dataset test = Generators.moons(400, 0.15, seed + 1);
    SkipNet net = model(seed);
    Trainer trainer = new Trainer(net, Loss.binaryCrossEntropyWithLogits(), Adam.of(0.02));
    TrainingGraph g = trainer.trainingGraph(8);
    Dataset eight = train.subset(new int[] {0, 50, 100, 150, 200, 250, 300, 350});
    Feeds feeds = Feeds.of(g.input(), eight.featuresColumns(), g.targets(),
        eight.targetsColumns());
    GradCheckReport report = GradCheck.check(g.loss(), g.parameters(), feeds);
    History h = trainer.fit(train, FitOptions.defaults().epochs(epochs).batchSize(32)
        .shuffled(seed));
    return new CustomModelRun(report, trainer.evaluate(train).accuracy(),
        trainer.evaluate(test).accuracy(), h);
  }
}
