package dev.chainrule.examples.errors;

import dev.chainrule.core.exec.AnomalyException;
import dev.chainrule.core.exec.FeedException;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.nn.data.DataFileException;
import dev.chainrule.nn.io.ModelFileException;
import java.util.List;

/**
 * The catalogue of bad inputs that docs/errors.md lists: for each, the section, what the user
 * did, how it must fail (an exception type, or a command line's exit status) and the focused test
 * that covers it besides {@link ErrorCatalogueTest}.
 */
final class ErrorCatalogue {
  private ErrorCatalogue() {}

  /** Something a user does that must fail clearly. */
  @FunctionalInterface
  interface Action {
    /** Does it; must throw. */
    void run() throws Exception;
  }

  /**
   * One bad input.
   *
   * @param section the heading it is listed under
   * @param input what the user did, in words
   * @param coveredBy the focused test (Class.method) that covers it, or "" for none beyond this
   * @param type the exception an API call must throw, or null for a command line
   * @param action the API call, or null for a command line
   * @param status the command line's exit status
   * @param args the command line's arguments
   */
  record Entry(String section, String input, String coveredBy,
      Class<? extends Throwable> type, Action action, int status, String[] args) {
    boolean isCommandLine() {
      return args != null;
    }
  }

  private static Entry api(String section, String input, Class<? extends Throwable> type,
      String coveredBy, Action action) {
    return new Entry(section, input, coveredBy, type, action, 0, null);
  }

  private static Entry cli(String input, int status, String coveredBy, String... args) {
    return new Entry("Command line", input, coveredBy, null, null, status, args);
  }

  private static final String SHAPES = "Shapes";
  private static final String GRADIENTS = "Graphs and gradients";
  private static final String RUNS = "Feeds and runs";
  private static final String ANOMALY = "Anomaly mode";
  private static final String SETTINGS = "Hyper-parameters and training";
  private static final String MODELS = "Model files";
  private static final String DATA = "Data files";
  private static final String CONSTRUCTION = "ConstructionErrorTest.";

  /** Returns every catalogued bad input, in document order. */
  static List<Entry> entries() {
    return List.of(
        api(SHAPES, "Adding tensors whose shapes do not broadcast", shape(),
            CONSTRUCTION + "broadcastMismatchNamesOpShapesNodesAndLine",
            BadGraphs::addShapesThatDoNotBroadcast),
        api(SHAPES, "Dividing tensors whose shapes do not broadcast (every binary op alike)",
            shape(), CONSTRUCTION + "everyBinaryElementwiseOpNamesItselfBothInputsAndTheLine",
            BadGraphs::divideShapesThatDoNotBroadcast),
        api(SHAPES, "Comparing tensors whose shapes do not broadcast", shape(),
            CONSTRUCTION + "everyBinaryElementwiseOpNamesItselfBothInputsAndTheLine",
            BadGraphs::compareShapesThatDoNotBroadcast),
        api(SHAPES, "A where() whose condition and branches do not broadcast", shape(),
            CONSTRUCTION + "whereNamesAllThreeInputs",
            BadGraphs::whereWithAConditionOfAnotherShape),
        api(SHAPES, "A matrix product whose inner dimensions differ", shape(),
            CONSTRUCTION + "matrixProductMismatchNamesTheInnerDimensions",
            BadGraphs::matmulWithDisagreeingInnerDimensions),
        api(SHAPES, "A matrix product of a vector", shape(),
            CONSTRUCTION + "operandsThatAreNotMatricesAreRefused", BadGraphs::matmulOfAVector),
        api(SHAPES, "A convolution whose kernel does not fit the image", shape(),
            "ConvolutionErrorsTest.aKernelThatDoesNotFitNamesBothShapesAndTheLine",
            BadGraphs::convolutionWhoseKernelDoesNotFit),
        api(SHAPES, "A sum (or mean, max) over an axis the tensor does not have", shape(),
            CONSTRUCTION + "badAxesAndShapesOfEveryShapedOpAreShapeErrors",
            BadGraphs::sumOverAnAxisThatDoesNotExist),
        api(SHAPES, "A sum (or mean, max) naming one axis twice", shape(),
            CONSTRUCTION + "badAxesAndShapesOfEveryShapedOpAreShapeErrors",
            BadGraphs::sumOverTheSameAxisTwice),
        api(SHAPES, "A softmax (or log-softmax) over an axis the tensor does not have", shape(),
            CONSTRUCTION + "badAxesAndShapesOfEveryShapedOpAreShapeErrors",
            BadGraphs::softmaxOverAnAxisThatDoesNotExist),
        api(SHAPES, "A reshape to another number of elements", shape(),
            CONSTRUCTION + "badAxesAndShapesOfEveryShapedOpAreShapeErrors",
            BadGraphs::reshapeToAnotherSize),
        api(SHAPES, "A transpose with a repeated axis", shape(),
            CONSTRUCTION + "badAxesAndShapesOfEveryShapedOpAreShapeErrors",
            BadGraphs::transposeWithABadPermutation),
        api(SHAPES, "A broadcast to a shape that does not fit", shape(),
            CONSTRUCTION + "badAxesAndShapesOfEveryShapedOpAreShapeErrors",
            BadGraphs::broadcastToAnIncompatibleShape),
        api(SHAPES, "A concat of tensors whose other dimensions differ", shape(),
            "StructureTorchTest.shapeErrorsNameBothShapesAndTheUsersLine",
            BadGraphs::concatOfTensorsWhoseOtherDimensionsDiffer),
        api(SHAPES, "The fused softmax cross-entropy with targets of another shape", shape(),
            "FusedOpsTest.softmaxCrossEntropyRejectsTargetsOfAnotherShape",
            BadGraphs::fusedCrossEntropyWithTargetsOfAnotherShape),
        api(SHAPES, "A loss of an output and targets of different shapes", shape(),
            "LossesTest.mismatchedShapesNameTheLossAndBothShapes",
            BadGraphs::lossOfOutputAndTargetOfDifferentShapes),
        api(SHAPES, "Training on a dataset with another number of features than the model takes",
            IllegalArgumentException.class, "TrainerTest.datasetThatDoesNotFitTheModelIsNamed",
            BadSettings::datasetOfTheWrongWidth),
        api(GRADIENTS, "Combining nodes of two graphs",
            GraphMismatchException.class,
            CONSTRUCTION + "nodesOfAnotherGraphCannotBeCombined",
            BadGraphs::combineNodesOfTwoGraphs),
        api(GRADIENTS, "An input without a name", IllegalArgumentException.class,
            CONSTRUCTION + "unnamedLeavesAndBlankNamesAreRefused", BadGraphs::inputWithoutAName),
        api(GRADIENTS, "A parameter holding NaN", IllegalArgumentException.class,
            CONSTRUCTION + "nanValuesAndAttributesAreRefusedWhereTheyAreGiven",
            BadGraphs::parameterHoldingNaN),
        api(GRADIENTS, "A power with a NaN exponent", IllegalArgumentException.class,
            CONSTRUCTION + "nanValuesAndAttributesAreRefusedWhereTheyAreGiven",
            BadGraphs::powerWithANaNExponent),
        api(GRADIENTS, "Holding a value of the wrong shape in an input", shape(),
            CONSTRUCTION + "holdingAValueChecksItsShapeAndKind",
            BadGraphs::holdAValueOfTheWrongShape),
        api(GRADIENTS, "The gradient of a non-scalar without an upstream gradient", shape(),
            "ReverseModeTest.nonScalarOutputWithoutUpstreamIsAShapeErrorNamingIt",
            BadGraphs::gradientOfANonScalar),
        api(GRADIENTS, "The gradient with respect to a constant", IllegalArgumentException.class,
            "ReverseModeTest.differentiatingWithRespectToAConstantIsRefusedWithItsName",
            BadGraphs::gradientWithRespectToAConstant),
        api(GRADIENTS, "An upstream gradient of another shape than the output", shape(),
            "ReverseModeTest.upstreamOfTheWrongShapeOrGraphIsRefused",
            BadGraphs::upstreamGradientOfTheWrongShape),
        api(GRADIENTS, "The gradient with respect to a node of another graph",
            GraphMismatchException.class,
            "ReverseModeTest.targetsFromAnotherGraphAreRefused",
            BadGraphs::gradientWithRespectToANodeOfAnotherGraph),
        api(RUNS, "Running without feeding an input", feed(),
            "FeedErrorTest.missingFeedNamesTheInputItsShapeAndTheTargets",
            BadGraphs::runWithoutFeedingAnInput),
        api(RUNS, "Feeding a value of the wrong shape", feed(),
            "FeedErrorTest.wrongShapeNamesBothShapesAndWhereTheInputWasDeclared",
            BadGraphs::feedAValueOfTheWrongShape),
        api(RUNS, "Feeding an extra input the plan does not use", feed(),
            "FeedErrorTest.anExtraFeedOfAnInputThePlanDoesNotUseIsRefused",
            BadGraphs::feedAnInputThePlanDoesNotUse),
        api(RUNS, "Feeding a second input declared with the same name", feed(),
            "FeedErrorTest.feedingADuplicateOfTheInputThePlanUsesSaysSo",
            BadGraphs::feedASecondInputOfTheSameName),
        api(RUNS, "Feeding an input twice", IllegalArgumentException.class,
            "FeedsTest.feedingAnInputTwiceIsRefused", BadGraphs::feedAnInputTwice),
        api(RUNS, "Feeding a parameter", feed(),
            "FeedErrorTest.feedingAParameterConstantOrOperationIsRefused",
            BadGraphs::feedAParameter),
        api(RUNS, "Feeding NaN", feed(), "FeedErrorTest.nanAndInfinityAreRefusedWithTheirPosition",
            BadGraphs::feedNaN),
        api(RUNS, "Feeding infinity", feed(),
            "FeedErrorTest.nanAndInfinityAreRefusedWithTheirPosition", BadGraphs::feedInfinity),
        api(RUNS, "Feeding a node of another graph",
            GraphMismatchException.class,
            "FeedErrorTest.nodesOfAnotherGraphAreRefusedInFeedsAndPlans",
            BadGraphs::feedANodeOfAnotherGraph),
        api(RUNS, "A gather (an embedding lookup) with an index out of range",
            IndexOutOfBoundsException.class,
            "StructureTorchTest.anIndexOutOfRangeNamesTheIndexTheSizeAndTheUsersLine",
            BadGraphs::gatherWithAnIndexOutOfRange),
        api(RUNS, "Compiling targets of two graphs into one plan",
            GraphMismatchException.class,
            "FeedErrorTest.nodesOfAnotherGraphAreRefusedInFeedsAndPlans",
            BadGraphs::compileTargetsOfTwoGraphs),
        api(RUNS, "Reading a result the plan did not compute", IllegalArgumentException.class,
            "FeedErrorTest.nodesOfAnotherGraphAreRefusedInFeedsAndPlans",
            BadGraphs::readAResultThePlanDidNotCompute),
        api(ANOMALY, "log(0) in the forward pass, anomaly mode on", anomaly(),
            "AnomalyTest.logOfZeroInTheForwardPassNamesTheLogItsLineAndItsInput",
            BadGraphs::logOfZeroInAnomalyMode),
        api(ANOMALY, "0/0 only in the backward pass (the derivative of √x at 0), anomaly mode on",
            anomaly(), "AnomalyTest.aNaNOnlyInTheBackwardPassNamesTheForwardOpItDifferentiates",
            BadGraphs::nanOnlyInTheBackwardPassInAnomalyMode),
        api(SETTINGS, "A learning rate of 0", IllegalArgumentException.class,
            "HyperParameterErrorTest.learningRatesMustBePositiveAndFinite",
            BadSettings::learningRateZero),
        api(SETTINGS, "A negative learning rate", IllegalArgumentException.class,
            "HyperParameterErrorTest.learningRatesMustBePositiveAndFinite",
            BadSettings::learningRateNegative),
        api(SETTINGS, "Momentum of 1", IllegalArgumentException.class,
            "HyperParameterErrorTest.decayRatesMustLieInTheUnitInterval",
            BadSettings::momentumOfOne),
        api(SETTINGS, "Adam with β₂ = 1", IllegalArgumentException.class,
            "HyperParameterErrorTest.decayRatesMustLieInTheUnitInterval",
            BadSettings::adamBeta2OfOne),
        api(SETTINGS, "Gradient clipping to a global norm of 0", IllegalArgumentException.class,
            "ClippedByGlobalNormTest.aBoundThatIsNotPositiveIsRefused",
            BadSettings::gradientClippingToANormOfZero),
        api(SETTINGS, "A recurrent layer given a sequence of the wrong width",
            IllegalArgumentException.class,
            "SequenceModelsTest.aSequenceOfTheWrongWidthIsRefusedNamingTheLayerTheShapesAndTheLine",
            BadGraphs::recurrentLayerOnASequenceOfTheWrongWidth),
        api(SETTINGS, "A negative λ for the L2 penalty", IllegalArgumentException.class,
            "HyperParameterErrorTest.lambdaMustNotBeNegative", BadSettings::negativeLambda),
        api(SETTINGS, "A batch size of 0 for training", IllegalArgumentException.class,
            "HyperParameterErrorTest.batchSizesAndEpochsMustBeAtLeastOne",
            BadSettings::batchSizeZero),
        api(SETTINGS, "Batches of 0 samples", IllegalArgumentException.class,
            "HyperParameterErrorTest.batchSizesAndEpochsMustBeAtLeastOne",
            BadSettings::batchesOfZero),
        api(SETTINGS, "0 epochs", IllegalArgumentException.class,
            "HyperParameterErrorTest.batchSizesAndEpochsMustBeAtLeastOne", BadSettings::epochsZero),
        api(SETTINGS, "A training step with a learning rate of 0", IllegalArgumentException.class,
            "TrainerValidationTest.aStepRefusesTheLearningRatesTheOptimizersRefuseWithTheirMessage",
            BadSettings::stepWithALearningRateOfZero),
        api(SETTINGS, "A training graph for 0 samples", IllegalArgumentException.class,
            "TrainerValidationTest.aTrainingGraphNeedsAtLeastOneSample",
            BadSettings::trainingGraphForZeroSamples),
        api(SETTINGS, "Training on a dataset without samples", IllegalArgumentException.class,
            "TrainerValidationTest.fittingOnAnEmptyDatasetIsRefused",
            BadSettings::fitOnAnEmptyDataset),
        api(SETTINGS, "A dataset with NaN among its features", IllegalArgumentException.class,
            "DatasetFinitenessTest.aNaNFeatureIsRefusedWithItsSampleAndFeature",
            BadSettings::datasetWithNaN),
        api(SETTINGS, "Softmax cross-entropy on one sigmoid unit", IllegalArgumentException.class,
            "LossFitsOutputTest."
                + "softmaxCrossEntropyOnOneSigmoidUnitIsRefusedNamingBinaryCrossEntropy",
            BadSettings::softmaxCrossEntropyOnOneSigmoidUnit),
        api(SETTINGS, "Softmax cross-entropy on sigmoid units", IllegalArgumentException.class,
            "LossFitsOutputTest.softmaxCrossEntropyOnSeveralSigmoidUnitsIsRefused",
            BadSettings::softmaxCrossEntropyOnSigmoidUnits),
        api(SETTINGS, "Binary cross-entropy on a softmax output", IllegalArgumentException.class,
            "LossFitsOutputTest."
                + "binaryCrossEntropyOnASoftmaxOrAnUnboundedOutputIsRefusedNamingTheLossThatFits",
            BadSettings::binaryCrossEntropyOnASoftmax),
        api(SETTINGS, "Training that diverges (learning rate 1e300, the probability form of BCE)",
            IllegalStateException.class, "TrainerTest.divergenceIsReportedWithEpochBatchAndRate",
            BadSettings::trainingThatDiverges),
        api(MODELS, "Loading a model file that does not exist", modelFile(),
            "ModelFileTest.missingFilesAndUnwritableTargetsAreSaidInWords",
            BadFiles::loadAModelThatDoesNotExist),
        api(MODELS, "Loading a file that is not a model (wrong magic)", modelFile(),
            "ModelFileTest.otherFilesAndOtherVersionsAreRecognised",
            BadFiles::loadAFileThatIsNotAModel),
        api(MODELS, "Loading a truncated model file", modelFile(),
            "ModelFileTest.aTruncatedFileSaysHowManyBytesAreMissing",
            BadFiles::loadATruncatedModel),
        api(MODELS, "Loading a corrupt model file (one bit flipped)", modelFile(),
            "ModelFileTest.aFlippedBitIsACorruptFile", BadFiles::loadACorruptModel),
        api(MODELS, "Loading a model file whose first line has one flipped bit", modelFile(),
            "ModelFileDamageTest.everySingleBitFlipOfASavedModelIsReportedAsCorrupt",
            BadFiles::loadAModelWhoseFirstLineIsDamaged),
        api(MODELS, "Loading a model file of a future format version", modelFile(),
            "ModelFileTest.otherFilesAndOtherVersionsAreRecognised",
            BadFiles::loadAModelOfAFutureVersion),
        api(MODELS, "Loading a float64 model file into a float32 model without converting",
            modelFile(), "ModelFileDTypeTest.loadingAcrossDtypesWithoutAskingIsRefused",
            BadFiles::loadAFloat64ModelIntoAFloat32Model),
        api(MODELS, "Loading a model file into a model of another architecture", modelFile(),
            "ModelFileTest.loadingIntoAModelOfAnotherShapeNamesTheParameter",
            BadFiles::loadAModelOfAnotherArchitecture),
        api(MODELS, "Resuming from a checkpoint written with another optimizer", modelFile(),
            "CheckpointFileTest.anotherOptimizerIsRefusedNamingBothAndNothingIsModified",
            BadFiles::resumeWithAnotherOptimizer),
        api(MODELS, "Resuming from a model file, which holds no training state", modelFile(),
            "CheckpointFileTest.readsFilesOfVersionOne", BadFiles::resumeFromAModelFile),
        api(MODELS, "Exporting a layer stack holding a layer of your own to ONNX",
            IllegalArgumentException.class,
            "LayerStackExportTest.aLayerOfTheUsersOwnIsRefusedByName",
            BadFiles::exportALayerOfYourOwn),
        api(DATA, "Reading images from an IDX label file (wrong magic)", dataFile(),
            "IdxReaderTest.wrongMagicShowsExpectedAndFoundInHex",
            BadFiles::readImagesFromALabelFile),
        api(DATA, "Reading a truncated IDX image file", dataFile(),
            "IdxReaderTest.truncatedBodyReportsExpectedAndFoundBytes",
            BadFiles::readATruncatedImageFile),
        api(DATA, "Reading a gzipped IDX file cut inside its gzip header", dataFile(),
            "IdxDamageTest.aGzipHeaderCutShortSaysSoInsteadOfDamagedNull",
            BadFiles::readAGzippedIdxFileCutInsideItsGzipHeader),
        api(DATA, "An IDX header declaring 2 GB in a 40-byte file", dataFile(),
            "IdxDamageTest.aHeaderDeclaringGigabytesInATinyFileIsRefusedWithoutAllocatingThem",
            BadFiles::readAnIdxHeaderDeclaringGigabytes),
        api(DATA, "Reading a CSV file as IDX images", dataFile(),
            "IdxReaderTest.wrongMagicShowsExpectedAndFoundInHex",
            BadFiles::readImagesThatAreNotIdx),
        api(DATA, "IDX labels beyond the class count", dataFile(),
            "IdxReaderTest.labelBeyondClassCountNamesTheFile",
            BadFiles::readLabelsBeyondTheClassCount),
        api(DATA, "Reading IDX samples with a limit of 0", IllegalArgumentException.class,
            "IdxReaderTest.aLimitBelowOneIsRefusedNamingTheArgumentAndValue",
            BadFiles::readIdxImagesWithALimitOfZero),
        api(DATA, "A CSV file with a short row", dataFile(),
            "CsvReaderTest.raggedRowNamesBothLines", BadFiles::readACsvWithARaggedRow),
        api(DATA, "A CSV file with a word where a number belongs", dataFile(),
            "CsvReaderTest.nonNumericCellNamesFileLineAndColumn", BadFiles::readACsvWithAWord),
        cli("An unknown subcommand (example name)", 2, "", "xorr"),
        cli("An unknown option", 2, "", "xor", "--bogus"),
        cli("An option without its value", 2, "", "xor", "--steps"),
        cli("A word where a number belongs", 2, "", "xor", "--steps", "many"),
        cli("A count of 0", 2, "", "xor", "--steps", "0"),
        cli("A negative learning rate", 2, "", "xor", "--learning-rate", "-1"),
        cli("An infinite learning rate", 2, "", "xor", "--learning-rate", "1e309"),
        cli("An unknown activation", 2, "", "shallow", "--activation", "swish"),
        cli("An unknown optimizer", 2, "training.CommandsTest.badOptionsExitTwoWithOneLine",
            "fashion-mnist", "--optimizer", "rmsprop"),
        cli("An unknown dtype", 2, "training.CommandsTest.aBadDtypeIsAUsageErrorOfOneLine",
            "fashion-mnist", "--dtype", "float16"),
        cli("A batch size of 0", 2, "", "fashion-mnist", "--batch-size", "0"),
        cli("A validation split as large as the data", 2, "", "fashion-mnist", "--limit", "100",
            "--validation", "100"),
        cli("Fashion-MNIST not where --data says", 1,
            "training.CommandsTest.missingFashionMnistSaysHowToGetIt", "fashion-mnist", "--data",
            BadFiles.DIR + "/no-such-dir"),
        cli("Fashion-MNIST files that are not IDX files", 1, "", "fashion-mnist", "--data",
            BadFiles.DIR + "/fashion"),
        cli("Exporting a network's model file, which holds no architecture, to ONNX", 2,
            "onnx.ExportOnnxCommandTest.theCnnExamplesSavedNetworkExportsWithExampleCnn",
            "export-onnx", BadFiles.DIR + "/network.crm", "--out", BadFiles.DIR + "/x.onnx"),
        cli("An unknown example name", 2, "formulas.CommandsTest.badInputExitsTwoWithOneLine",
            "graph", "lenet"),
        cli("A missing example name", 2, "", "formulas"),
        cli("An unknown image format", 2,
            "graph.GraphCommandTest.badInputExitsWithStatus2AndOneLine",
            "graph", "mazur", "--format", "gif"),
        cli("An example the trace cannot handle", 2, "", "trace", "testnet-batch"),
        cli("A parameter the example does not have", 2, "", "trace", "mazur", "--wrt", "w9"),
        cli("A loss curve to a path under a file", 1, "", "xor", "--steps", "8", "--plot",
            BadFiles.DIR + "/a-file/curve.png"),
        cli("Training that diverges", 1, "", "shallow", "--learning-rate", "1e300",
            "--iterations", "20"),
        cli("The same with --detect-anomaly", 1, "", "shallow", "--learning-rate", "1e300",
            "--iterations", "20", "--detect-anomaly"));
  }

  private static Class<? extends Throwable> shape() {
    return ShapeException.class;
  }

  private static Class<? extends Throwable> feed() {
    return FeedException.class;
  }

  private static Class<? extends Throwable> anomaly() {
    return AnomalyException.class;
  }

  private static Class<? extends Throwable> modelFile() {
    return ModelFileException.class;
  }

  private static Class<? extends Throwable> dataFile() {
    return DataFileException.class;
  }
}
