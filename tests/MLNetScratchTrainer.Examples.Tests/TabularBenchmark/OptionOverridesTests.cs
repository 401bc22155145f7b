using MLNetScratchTrainer.Examples.TabularBenchmark;

namespace MLNetScratchTrainer.Examples.Tests.TabularBenchmark;

[TestClass]
public sealed class OptionOverridesTests
{
    [TestMethod]
    public void SetsPropertiesOfEveryKindByName()
    {
        var options = new SampleOptions();

        OptionOverrides.Parse("Layers=256,128; Rate=0.5; Epochs=7; Kind=second; Seed=null; Verbose=true; Name=abc").ApplyTo(options);

        CollectionAssert.AreEqual(new[] { 256, 128 }, options.Layers);
        Assert.AreEqual(0.5f, options.Rate);
        Assert.AreEqual(7, options.Epochs);
        Assert.AreEqual(SampleKind.Second, options.Kind);
        Assert.IsNull(options.Seed);
        Assert.IsTrue(options.Verbose);
        Assert.AreEqual("abc", options.Name);
    }

    [TestMethod]
    public void AnEmptyListGivesAnEmptyArray()
    {
        var options = new SampleOptions();

        OptionOverrides.Parse("Layers=").ApplyTo(options);

        Assert.IsEmpty(options.Layers);
    }

    [TestMethod]
    public void ADottedNameSetsACopyOfTheNestedObject()
    {
        var options = new SampleOptions();
        var original = options.Nested;

        OptionOverrides.Parse("Nested.Beta=0.95").ApplyTo(options);

        Assert.AreEqual(0.95f, options.Nested.Beta);
        Assert.AreEqual(0.9f, options.Nested.Alpha);
        Assert.AreEqual(0.999f, original.Beta, "the nested object the options held is left unchanged");
    }

    [TestMethod]
    public void AValueCanCallAStaticFactoryOfThePropertysType()
    {
        var options = new SampleOptions();

        OptionOverrides.Parse("Schedule=Step(30, 0.1)").ApplyTo(options);
        Assert.AreEqual(new SampleSchedule(30, 0.1f), options.Schedule);

        OptionOverrides.Parse("Schedule=Constant()").ApplyTo(options);
        Assert.AreEqual(SampleSchedule.Constant(), options.Schedule);
    }

    [TestMethod]
    public void NamesTheMissingPropertyAndListsTheOthers()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => OptionOverrides.Parse("Epoch=3").ApplyTo(new SampleOptions()));

        StringAssert.Contains(error.Message, "'Epoch'");
        StringAssert.Contains(error.Message, "Epochs");
    }

    [TestMethod]
    public void RejectsValuesThatDoNotFitTheType()
    {
        Assert.ThrowsExactly<ArgumentException>(() => OptionOverrides.Parse("Epochs=many").ApplyTo(new SampleOptions()));
        Assert.ThrowsExactly<ArgumentException>(() => OptionOverrides.Parse("Kind=third").ApplyTo(new SampleOptions()));
        Assert.ThrowsExactly<ArgumentException>(() => OptionOverrides.Parse("Epochs=null").ApplyTo(new SampleOptions()));
        Assert.ThrowsExactly<ArgumentException>(() => OptionOverrides.Parse("Schedule=Linear(3)").ApplyTo(new SampleOptions()));
    }

    [TestMethod]
    public void RejectsMalformedSettings()
    {
        Assert.ThrowsExactly<ArgumentException>(() => OptionOverrides.Parse("Epochs"));
        Assert.ThrowsExactly<ArgumentException>(() => OptionOverrides.Parse("=3"));
        Assert.ThrowsExactly<ArgumentException>(() => OptionOverrides.Parse("Epochs=3;Epochs=4"));
    }

    [TestMethod]
    public void ShowsTheSettingsAsGiven()
    {
        Assert.AreEqual("Layers=64; Rate=0.1", OptionOverrides.Parse(" Layers = 64 ;Rate=0.1;").ToString());
        Assert.IsTrue(OptionOverrides.Parse("").IsEmpty);
    }

    public enum SampleKind
    {
        First,
        Second,
    }

    public sealed record SampleNested
    {
        public float Alpha { get; init; } = 0.9f;

        public float Beta { get; init; } = 0.999f;
    }

    public sealed record SampleSchedule(int Every, float Factor)
    {
        public static SampleSchedule Constant() => new(0, 1f);

        public static SampleSchedule Step(int every, float factor) => new(every, factor);
    }

    public sealed class SampleOptions
    {
        public int[] Layers { get; set; } = [64];

        public float Rate { get; set; } = 0.02f;

        public int Epochs { get; set; } = 300;

        public SampleKind Kind { get; set; }

        public int? Seed { get; set; } = 1;

        public bool Verbose { get; set; }

        public string Name { get; set; } = "";

        public SampleNested Nested { get; set; } = new();

        public SampleSchedule? Schedule { get; set; }
    }
}
