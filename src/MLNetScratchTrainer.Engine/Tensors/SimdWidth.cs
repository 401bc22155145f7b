using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// The handful of vector operations the matrix-multiply kernels, Adam's update and the input preprocessing need, for one vector width.
/// Each kernel is written once, generic over this interface; the JIT specialises it per width. Every operation is
/// element-wise and rounds as scalar float arithmetic does, so a kernel's results do not depend on the width.
/// </summary>
internal interface ISimdWidth<TVector>
    where TVector : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Load(ref float source);

    static abstract void Store(TVector value, ref float destination);

    static abstract TVector Broadcast(float value);

    /// <summary>a × b + c.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    static abstract TVector Add(TVector a, TVector b);

    static abstract TVector Subtract(TVector a, TVector b);

    static abstract TVector Multiply(TVector a, TVector b);

    static abstract TVector Divide(TVector a, TVector b);

    static abstract TVector SquareRoot(TVector a);

    /// <summary><paramref name="value"/> with the lanes whose magnitude is below <paramref name="bound"/> set to zero.</summary>
    static abstract TVector FlushBelow(TVector value, TVector bound);

    /// <summary><paramref name="value"/> with its NaN lanes taken from <paramref name="replacement"/>.</summary>
    static abstract TVector ReplaceNaN(TVector value, TVector replacement);

    /// <summary>Whether a lane of <paramref name="value"/> is +∞ or −∞.</summary>
    static abstract bool AnyInfinite(TVector value);
}

/// <summary>512-bit vectors (AVX-512).</summary>
internal readonly struct Simd512 : ISimdWidth<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;

    public static Vector512<float> Zero => Vector512<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> SquareRoot(Vector512<float> a) => Vector512.Sqrt(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> FlushBelow(Vector512<float> value, Vector512<float> bound) => Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(value), bound), Vector512<float>.Zero, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ReplaceNaN(Vector512<float> value, Vector512<float> replacement) => Vector512.ConditionalSelect(Vector512.Equals(value, value), value, replacement);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyInfinite(Vector512<float> value) => Vector512.EqualsAny(Vector512.Abs(value), Vector512.Create(float.PositiveInfinity));
}

/// <summary>256-bit vectors (AVX2).</summary>
internal readonly struct Simd256 : ISimdWidth<Vector256<float>>
{
    public static int Count => Vector256<float>.Count;

    public static Vector256<float> Zero => Vector256<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Divide(Vector256<float> a, Vector256<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SquareRoot(Vector256<float> a) => Vector256.Sqrt(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FlushBelow(Vector256<float> value, Vector256<float> bound) => Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(value), bound), Vector256<float>.Zero, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ReplaceNaN(Vector256<float> value, Vector256<float> replacement) => Vector256.ConditionalSelect(Vector256.Equals(value, value), value, replacement);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyInfinite(Vector256<float> value) => Vector256.EqualsAny(Vector256.Abs(value), Vector256.Create(float.PositiveInfinity));
}

/// <summary>128-bit vectors (SSE, NEON, or the portable software fallback).</summary>
internal readonly struct Simd128 : ISimdWidth<Vector128<float>>
{
    public static int Count => Vector128<float>.Count;

    public static Vector128<float> Zero => Vector128<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Subtract(Vector128<float> a, Vector128<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> a, Vector128<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Divide(Vector128<float> a, Vector128<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SquareRoot(Vector128<float> a) => Vector128.Sqrt(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FlushBelow(Vector128<float> value, Vector128<float> bound) => Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(value), bound), Vector128<float>.Zero, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ReplaceNaN(Vector128<float> value, Vector128<float> replacement) => Vector128.ConditionalSelect(Vector128.Equals(value, value), value, replacement);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyInfinite(Vector128<float> value) => Vector128.EqualsAny(Vector128.Abs(value), Vector128.Create(float.PositiveInfinity));
}

/// <summary>Which of the widths above a kernel runs at on this machine.</summary>
internal static class SimdWidths
{
    /// <summary>The widest vectors the CPU accelerates, in bits: 512, 256 or 128.</summary>
    public static int WidestAccelerated => Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128;
}
