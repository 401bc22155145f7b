using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.ML;

namespace MLNetScratchTrainer.Interop;

/// <summary>
/// The data view an Mlp transformer returns, made visible to ML.NET's ONNX converter. <c>ConvertToOnnx</c> walks back from
/// the pipeline's output through views that implement its internal interface <c>ITransformCanSaveOnnx</c> (an
/// <c>IDataTransform</c> that can write itself) and silently stops at the first that does not — without this, at the Mlp,
/// which left the Mlp out of the file. A <see cref="DispatchProxy"/> implements that internal interface at run time: the
/// data view members go to the real view, <c>Source</c> names the view it reads, and <c>SaveAsOnnx</c> adds the Mlp.
/// </summary>
internal class OnnxSavableView : DispatchProxy
{
    /// <summary>Full name of ML.NET's internal interface, in Microsoft.ML.Data.</summary>
    private const string InterfaceName = "Microsoft.ML.Model.OnnxConverter.ITransformCanSaveOnnx";

    private IDataView _view = null!;
    private IDataView _source = null!;
    private Action<MlNetOnnxContext> _saveAsOnnx = null!;

    /// <summary>
    /// Wraps <paramref name="view"/>, the result of a transformer applied to <paramref name="source"/>; <paramref name="saveAsOnnx"/>
    /// adds the transformer to ML.NET's ONNX model. Returns <paramref name="view"/> itself if ML.NET has no such interface.
    /// </summary>
    internal static IDataView Wrap(IDataView view, IDataView source, Action<MlNetOnnxContext> saveAsOnnx)
    {
        var contract = typeof(MLContext).Assembly.GetType(InterfaceName, throwOnError: false);
        if (contract is null)
        {
            return view;
        }

        var proxy = (OnnxSavableView)Create(contract, typeof(OnnxSavableView));
        (proxy._view, proxy._source, proxy._saveAsOnnx) = (view, source, saveAsOnnx);
        return (IDataView)proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        switch (targetMethod.Name)
        {
            case "CanSaveOnnx":
                return true;
            case "SaveAsOnnx":
                _saveAsOnnx(new MlNetOnnxContext(args![0]!));
                return null;
            case "get_Source":
                return _source;
            case "Save":
                throw new NotSupportedException("An Mlp's scored data view is not saved on its own; save the fitted transformer with mlContext.Model.Save.");
            default:
                try
                {
                    return targetMethod.Invoke(_view, args);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    ExceptionDispatchInfo.Throw(e.InnerException);
                    throw;
                }
        }
    }
}
