using Microsoft.ML;
using MLNetScratchTrainer.Tests.Data;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>
/// Every bad input gets an exception that names the column (or row) and what was expected, at <c>GetOutputSchema</c>
/// or <c>Fit</c> time where the schema alone shows the problem.
/// </summary>
[TestClass]
public sealed class BadInputTests
{
    private readonly MLContext _ml = new(seed: 1);

    [TestMethod]
    public void AMissingFeatureColumnIsNamedBySchemaCheckAndFit()
    {
        var data = _ml.Data.LoadFromEnumerable(InMemoryRows.Single(20));
        var trainer = _ml.Regression.Trainers.Mlp(featureColumnName: "Pixels");

        var atSchema = Assert.ThrowsExactly<ArgumentException>(() => trainer.GetOutputSchema(SchemaShapes.Of(data.Schema)));
        var atFit = Assert.ThrowsExactly<ArgumentException>(() => trainer.Fit(data));

        foreach (var error in new[] { atSchema, atFit })
        {
            StringAssert.Contains(error.Message, "feature column 'Pixels' is not in the");
            StringAssert.Contains(error.Message, "known-size vector of Single");
            StringAssert.Contains(error.Message, "Features, Label, Weight");
        }
    }

    [TestMethod]
    public void AMissingLabelColumnIsNamed()
    {
        var data = _ml.Data.LoadFromEnumerable(InMemoryRows.Single(20));

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(labelColumnName: "Price").Fit(data));

        StringAssert.Contains(error.Message, "label column 'Price' is not in the training data");
    }

    [TestMethod]
    public void AMissingWeightColumnIsNamed()
    {
        var data = _ml.Data.LoadFromEnumerable(InMemoryRows.Single(20));

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(exampleWeightColumnName: "Importance").GetOutputSchema(SchemaShapes.Of(data.Schema)));

        StringAssert.Contains(error.Message, "example weight column 'Importance' is not in the input schema");
    }

    [TestMethod]
    public void ScalarFeaturesAreRejected() => AssertFeatureTypeRejected(_ml.Data.LoadFromEnumerable(new[] { new ScalarFeatureRow { Features = 1f } }), "Single");

    [TestMethod]
    public void VariableSizeFeaturesAreRejected() => AssertFeatureTypeRejected(_ml.Data.LoadFromEnumerable(new[] { new VariableFeaturesRow { Features = [1f, 2f] } }), "Vector<Single> of variable size");

    [TestMethod]
    public void DoubleFeaturesAreRejected() => AssertFeatureTypeRejected(_ml.Data.LoadFromEnumerable(new[] { new DoubleFeaturesRow { Features = [1, 2, 3] } }), "Vector<Double> of known size");

    [TestMethod]
    public void AMulticlassLabelMustBeAKeyOrClassIndices()
    {
        var data = _ml.Data.LoadFromEnumerable(InMemoryRows.Booleans(20));

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.MulticlassClassification.Trainers.Mlp().GetOutputSchema(SchemaShapes.Of(data.Schema)));

        StringAssert.Contains(error.Message, "label column 'Label' of the input schema has type Boolean");
        StringAssert.Contains(error.Message, "MapValueToKey), or a Single holding class indices");
    }

    [TestMethod]
    public void AClassIndexThatIsNotAWholeNumberStopsTraining()
    {
        var rows = InMemoryRows.Single(20, binary: true);
        rows[6].Label = 1.5f;

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.MulticlassClassification.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Row 6 of the training data: label column 'Label' holds a missing or invalid value; expected a class key (key 0 means missing) or a class index");
    }

    [TestMethod]
    public void ABinaryLabelMustBeBooleanOrSingle()
    {
        var data = _ml.Data.LoadFromEnumerable(new[] { new TextLabelRow { Features = [1, 2, 3], Label = "yes" } });

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.BinaryClassification.Trainers.Mlp().Fit(data));

        StringAssert.Contains(error.Message, "label column 'Label' of the training data has type String; expected a Boolean, or a Single holding 0 or 1");
    }

    [TestMethod]
    public void ARegressionLabelMustBeSingle()
    {
        var data = _ml.Data.LoadFromEnumerable(InMemoryRows.Booleans(20));

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp().Fit(data));

        StringAssert.Contains(error.Message, "label column 'Label' of the training data has type Boolean; expected a Single");
    }

    [TestMethod]
    public void ANaNFeatureWithRejectMissingFeaturesStopsTrainingNamingRowColumnAndSlot()
    {
        var rows = InMemoryRows.Single(20);
        rows[2].Features[1] = float.NaN;
        var options = FastOptions.Create();
        options.RejectMissingFeatures = true;

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(options).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Row 2 of the training data: slot 1 of feature column 'Features' is NaN (missing) and RejectMissingFeatures is set");
        StringAssert.Contains(error.Message, nameof(MlpOptions.DropInvalidRows));
    }

    [TestMethod]
    public void AnInfiniteFeatureStopsTrainingNamingRowColumnAndSlot()
    {
        var rows = InMemoryRows.Single(20);
        rows[3].Features[0] = float.PositiveInfinity;

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Row 3 of the training data: slot 0 of feature column 'Features' is Infinity; every feature must be a finite number, or NaN for a missing value");
    }

    [TestMethod]
    public void AnInfiniteLabelStopsTraining()
    {
        var rows = InMemoryRows.Single(20);
        rows[5].Label = float.PositiveInfinity;

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Row 5 of the training data: label column 'Label' holds a missing or invalid value; expected a finite number");
    }

    [TestMethod]
    public void AMissingKeyLabelStopsTraining()
    {
        // MapValueToKey with a fixed set of classes maps any other value to the missing key 0.
        var rows = InMemoryRows.Single(20, binary: true);
        rows[3].Label = 7f;
        var classes = _ml.Data.LoadFromEnumerable(new[] { new LabelOnlyRow { Label = 0f }, new LabelOnlyRow { Label = 1f } });
        var keyed = _ml.Transforms.Conversion.MapValueToKey("Label", keyData: classes)
            .Fit(_ml.Data.LoadFromEnumerable(rows)).Transform(_ml.Data.LoadFromEnumerable(rows));

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.MulticlassClassification.Trainers.Mlp(FastOptions.Create()).Fit(keyed));

        StringAssert.Contains(error.Message, "Row 3 of the training data: label column 'Label' holds a missing or invalid value; expected a class key");
    }

    [TestMethod]
    public void ABinarySingleLabelOtherThanZeroOrOneStopsTraining()
    {
        var rows = InMemoryRows.Single(20, binary: true);
        rows[4].Label = 0.5f;

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.BinaryClassification.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Row 4 of the training data: label column 'Label'");
    }

    [TestMethod]
    public void ANegativeWeightStopsTraining()
    {
        var rows = InMemoryRows.Single(20);
        rows[7].Weight = -1f;
        var options = FastOptions.Create();
        options.ExampleWeightColumnName = "Weight";

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(options).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Row 7 of the training data: example weight column 'Weight' holds -1");
    }

    [TestMethod]
    public void DropInvalidRowsSkipsThemAndLogsTheCount()
    {
        var rows = InMemoryRows.Single(20);
        rows[1].Features[0] = float.PositiveInfinity;
        rows[9].Label = float.NaN;
        var log = new List<string>();
        _ml.Log += (_, e) => log.Add(e.Message);
        var options = FastOptions.Create();
        options.DropInvalidRows = true;

        var model = _ml.Regression.Trainers.Mlp(options).Fit(_ml.Data.LoadFromEnumerable(rows));

        Assert.IsNotNull(model);
        Assert.IsTrue(log.Any(message => message.Contains("Skipped 2 of the 20 rows of the training data", StringComparison.Ordinal)), string.Join(Environment.NewLine, log));
    }

    [TestMethod]
    public void AnEmptyDataViewStopsTraining()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(Array.Empty<SingleLabelRow>())));

        StringAssert.Contains(error.Message, "The training data has no rows.");
    }

    [TestMethod]
    public void DataWithOnlyInvalidRowsLeavesNothingToTrainOn()
    {
        var rows = InMemoryRows.Single(3);
        foreach (var row in rows)
        {
            row.Label = float.NaN;
        }

        var options = FastOptions.Create();
        options.DropInvalidRows = true;

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(options).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "All 3 rows of the training data hold a missing or invalid value");
    }

    [TestMethod]
    public void ASingleClassStopsMulticlassTraining()
    {
        var rows = InMemoryRows.Keys(20);
        foreach (var row in rows)
        {
            row.Label = 1;
        }

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.MulticlassClassification.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Every training row has the same class (index 1, key 2) in label column 'Label'");
    }

    [TestMethod]
    public void ASingleClassStopsBinaryTraining()
    {
        var rows = InMemoryRows.Booleans(20);
        foreach (var row in rows)
        {
            row.Label = true;
        }

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.BinaryClassification.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "Every training row has the label True in label column 'Label'; binary classification needs examples of both classes");
    }

    [TestMethod]
    public void PredictionInputOfTheWrongSizeIsRejectedAtSchemaTime()
    {
        var model = _ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(InMemoryRows.Single(20)));
        var wide = _ml.Data.LoadFromEnumerable(new[] { new FourFeaturesRow { Features = [1, 2, 3, 4] } });

        foreach (var call in new Action[] { () => model.Transform(wide), () => model.GetOutputSchema(wide.Schema), () => model.GetRowToRowMapper(wide.Schema) })
        {
            var error = Assert.ThrowsExactly<ArgumentException>(call);
            StringAssert.Contains(error.Message, "Column 'Features' holds 4 features per row but the Mlp model was trained on 3");
        }
    }

    [TestMethod]
    public void PredictionInputOfAnotherTypeIsRejected()
    {
        var model = _ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(InMemoryRows.Single(20)));
        var doubles = _ml.Data.LoadFromEnumerable(new[] { new DoubleFeaturesRow { Features = [1, 2, 3] } });

        var error = Assert.ThrowsExactly<ArgumentException>(() => model.Transform(doubles));

        StringAssert.Contains(error.Message, "Column 'Features' has type Vector<Double, 3>; the Mlp model expects a vector of 3 Single values");
    }

    [TestMethod]
    public void APredictionEngineRowOfTheWrongLengthIsRejected()
    {
        var model = _ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(InMemoryRows.Single(20)));
        var engine = _ml.Model.CreatePredictionEngine<VariableFeaturesRow, RegressionPrediction>(model);

        Assert.IsTrue(float.IsFinite(engine.Predict(new VariableFeaturesRow { Features = [0.1f, 0.2f, 0.3f] }).Score));
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => engine.Predict(new VariableFeaturesRow { Features = [0.1f, 0.2f] }));
        StringAssert.Contains(error.Message, "column 'Features' holds 2 features but the Mlp model was trained on 3");
    }

    [TestMethod]
    public void OptionsOutOfRangeFailWhenTheTrainerIsCreated()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(new MlpOptions { LearningRate = 0f }));

        StringAssert.Contains(error.Message, "Option LearningRate is out of range");
    }

    [TestMethod]
    public void ValidationDataWithOtherFeaturesIsRejected()
    {
        var train = _ml.Data.LoadFromEnumerable(InMemoryRows.Single(20));
        var validation = _ml.Data.LoadFromEnumerable(new[] { new FourFeaturesRow { Features = [1, 2, 3, 4] } });

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(train, validation));

        StringAssert.Contains(error.Message, "holds 4 values per row in the validation data but 3 in the training data");
    }

    [TestMethod]
    public void ValidationLabelsOfAnotherTypeAreRejected()
    {
        var train = _ml.Data.LoadFromEnumerable(InMemoryRows.Keys(30));
        var trainer = _ml.MulticlassClassification.Trainers.Mlp(FastOptions.Create());

        var notAKey = Assert.ThrowsExactly<ArgumentException>(() => trainer.Fit(train, _ml.Data.LoadFromEnumerable(InMemoryRows.Booleans(10))));
        var otherKey = Assert.ThrowsExactly<ArgumentException>(() => trainer.Fit(train, _ml.Data.LoadFromEnumerable(new[] { new FourClassKeyRow { Features = [1, 2, 3], Label = 3 } })));

        StringAssert.Contains(notAKey.Message, "label column 'Label' of the validation data has type Boolean; expected a key type");
        StringAssert.Contains(otherKey.Message, "Label column 'Label' has type Key<UInt32, 0-3> in the validation data but Key<UInt32, 0-2> in the training data");
    }

    private void AssertFeatureTypeRejected(IDataView data, string actualType)
    {
        var trainer = _ml.Regression.Trainers.Mlp();

        var atSchema = Assert.ThrowsExactly<ArgumentException>(() => trainer.GetOutputSchema(SchemaShapes.Of(data.Schema)));
        var atFit = Assert.ThrowsExactly<ArgumentException>(() => trainer.Fit(data));

        foreach (var error in new[] { atSchema, atFit })
        {
            StringAssert.Contains(error.Message, "feature column 'Features' of the ");
            StringAssert.Contains(error.Message, $"has type {actualType}; expected a known-size vector of Single");
        }
    }
}
