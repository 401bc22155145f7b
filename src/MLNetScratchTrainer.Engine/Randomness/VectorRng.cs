using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MLNetScratchTrainer.Engine.Randomness;

/// <summary>
/// Eight <see cref="Rng"/> generators (xoshiro128**) side by side in the lanes of one 256-bit vector: one call of
/// <see cref="NextUInts"/> advances all eight and returns one value of each, for the price of a single scalar draw.
/// Dropout draws a number per activation, hundreds of thousands per step; this makes that cheap.
/// </summary>
/// <remarks>
/// Lane i produces exactly the sequence of <c>new Rng(seed i)</c>, so the generator is as reproducible as <see cref="Rng"/>
/// and tested against it. The lane count is fixed at eight whatever the machine's vector width, so a seed gives the same
/// numbers on every CPU (without 256-bit hardware the JIT emulates the vector with two halves).
/// </remarks>
public sealed class VectorRng
{
    /// <summary>Values per draw: the number of lanes.</summary>
    public const int Lanes = 8;

    private State _state;

    /// <summary>Creates the generator with lane i seeded as <c>new Rng(laneSeeds[i])</c>.</summary>
    public VectorRng(ReadOnlySpan<int> laneSeeds)
    {
        if (laneSeeds.Length != Lanes)
        {
            throw new ArgumentException($"A VectorRng needs {Lanes} lane seeds; got {laneSeeds.Length}.", nameof(laneSeeds));
        }

        Span<uint> s0 = stackalloc uint[Lanes], s1 = stackalloc uint[Lanes], s2 = stackalloc uint[Lanes], s3 = stackalloc uint[Lanes];
        for (int lane = 0; lane < Lanes; lane++)
        {
            (s0[lane], s1[lane], s2[lane], s3[lane]) = new Rng(laneSeeds[lane]).State;
        }

        _state = new State(Vector256.Create<uint>(s0), Vector256.Create<uint>(s1), Vector256.Create<uint>(s2), Vector256.Create<uint>(s3));
    }

    /// <summary>Creates the generator with its eight lane seeds drawn from <paramref name="seeds"/>.</summary>
    public static VectorRng From(Rng seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        Span<int> laneSeeds = stackalloc int[Lanes];
        for (int lane = 0; lane < Lanes; lane++)
        {
            laneSeeds[lane] = unchecked((int)seeds.NextUInt());
        }

        return new VectorRng(laneSeeds);
    }

    /// <summary>The next 32 random bits of every lane (the step of <see cref="Rng.NextUInt"/>, lane by lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<uint> NextUInts() => _state.Next();

    /// <summary>Uniform floats in [0, 1), one per lane (<see cref="Rng.NextFloat"/>, lane by lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> NextFloats() => ToFloats(NextUInts());

    /// <summary>
    /// Fills <paramref name="destination"/> with the values of successive <see cref="NextFloats"/> calls, lane by lane;
    /// the lanes of the last call past its end are dropped.
    /// </summary>
    public void Fill(Span<float> destination) => Fill(destination, default(Uniform));

    /// <summary>
    /// Fills <paramref name="destination"/> with Bernoulli draws: <paramref name="value"/> where the uniform draw that
    /// <see cref="Fill(Span{float})"/> would have written is below <paramref name="probability"/>, else 0 (a dropout mask).
    /// </summary>
    public void FillBernoulli(Span<float> destination, float probability, float value)
        => Fill(destination, new Bernoulli(Vector256.Create(probability), Vector256.Create(value)));

    /// <summary>
    /// Fills <paramref name="destination"/> with <paramref name="map"/> of the uniform floats of successive draws. The
    /// generator's state stays in registers for the whole loop (calling <see cref="NextFloats"/> in a loop reads and
    /// writes it in memory at every step, a dependent chain).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill<TMap>(Span<float> destination, TMap map)
        where TMap : struct, IDrawMap
    {
        State state = _state;
        ref float target = ref MemoryMarshal.GetReference(destination);
        int whole = destination.Length - (destination.Length % Lanes);
        for (int i = 0; i < whole; i += Lanes)
        {
            map.Map(ToFloats(state.Next())).StoreUnsafe(ref target, (nuint)i);
        }

        if (whole < destination.Length)
        {
            Span<float> last = stackalloc float[Lanes];
            map.Map(ToFloats(state.Next())).CopyTo(last);
            last[..(destination.Length - whole)].CopyTo(destination[whole..]);
        }

        _state = state;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ToFloats(Vector256<uint> bits)
        => Vector256.ConvertToSingle((bits >> 8).AsInt32()) * Vector256.Create(1.0f / (1 << 24));

    /// <summary>What a fill writes for eight uniform draws.</summary>
    private interface IDrawMap
    {
        Vector256<float> Map(Vector256<float> uniform);
    }

    /// <summary>The uniform draws themselves.</summary>
    private readonly struct Uniform : IDrawMap
    {
        public Vector256<float> Map(Vector256<float> uniform) => uniform;
    }

    /// <summary>The value where a draw is below the probability, else 0.</summary>
    private readonly struct Bernoulli(Vector256<float> probability, Vector256<float> value) : IDrawMap
    {
        public Vector256<float> Map(Vector256<float> uniform) => Vector256.ConditionalSelect(Vector256.LessThan(uniform, probability), value, Vector256<float>.Zero);
    }

    /// <summary>The four state words of the eight generators, one vector each.</summary>
    private struct State(Vector256<uint> s0, Vector256<uint> s1, Vector256<uint> s2, Vector256<uint> s3)
    {
        private Vector256<uint> _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3;

        /// <summary>Advances every lane one xoshiro128** step and returns its output.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<uint> Next()
        {
            Vector256<uint> result = RotateLeft(_s1 * 5u, 7) * 9u;
            Vector256<uint> t = _s1 << 9;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 11);
            return result;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<uint> RotateLeft(Vector256<uint> value, int count) => (value << count) | (value >> (32 - count));
    }
}
