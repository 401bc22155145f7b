namespace MLNetScratchTrainer.Examples.OnnxServing;

/// <summary>A float matrix in a small binary file (row count, width, then the values), to hand rows between processes.</summary>
internal static class RowFile
{
    public static void Write(string path, float[] values, int width)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(values.Length / width);
        writer.Write(width);
        foreach (float value in values)
        {
            writer.Write(value);
        }
    }

    /// <exception cref="InvalidDataException">The file is shorter than its header says.</exception>
    public static (float[] Values, int Width) Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        int rows = reader.ReadInt32(), width = reader.ReadInt32();
        var values = new float[checked(rows * width)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return (values, width);
    }
}
