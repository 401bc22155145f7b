namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>An example-specific option taking a positive whole number, such as <c>--epochs 5</c>.</summary>
/// <param name="Name">The option as typed, with its leading dashes.</param>
/// <param name="Description">One line for the usage text, including the default.</param>
public sealed record IntegerOption(string Name, string Description) : ExampleOption(Name, Description);
