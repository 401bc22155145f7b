namespace MLNetScratchTrainer.Examples.LogicGates;

/// <summary>A two-input logic gate given by its truth table over the inputs (0,0), (1,0), (0,1), (1,1).</summary>
internal sealed record LogicGate(string Name, int[] Targets)
{
    /// <summary>The four input pairs, row-major: (0,0), (1,0), (0,1), (1,1).</summary>
    public static readonly float[] Inputs = [0, 0, 1, 0, 0, 1, 1, 1];

    public static readonly LogicGate And = new("AND", [0, 0, 0, 1]);

    public static readonly LogicGate Nand = new("NAND", [1, 1, 1, 0]);

    public static readonly LogicGate Or = new("OR", [0, 1, 1, 1]);

    public static readonly LogicGate Xor = new("XOR", [0, 1, 1, 0]);

    /// <summary>Number of rows of the truth table.</summary>
    public static int Rows => Inputs.Length / 2;

    /// <summary>The input pair of one row.</summary>
    public static ReadOnlySpan<float> Row(int row) => Inputs.AsSpan(row * 2, 2);
}
