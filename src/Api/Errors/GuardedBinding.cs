using System.Reflection;
using Google.Protobuf;
using Grpc.Core;
using SoSucKhoe.Dossiers;

namespace SoSucKhoe.Api.Errors;

/// <summary>
/// Binds a service of the contract so that a request that is not a valid protocol-buffers message gets INVALID_ARGUMENT with a
/// field violation, instead of gRPC's UNKNOWN ("Exception was thrown by handler") and an error with a stack trace in the log.
/// </summary>
/// <remarks>
/// gRPC reads the request before any interceptor runs, so the only place to turn a parse failure into a status is the request
/// marshaller. A service opts in with <c>[BindServiceMethod(typeof(GuardedBinding&lt;TBase&gt;), nameof(BindService))]</c>: gRPC
/// then calls <see cref="BindService"/>, which binds the generated methods exactly as the generated code does, each with a
/// request deserializer that throws an <see cref="RpcException"/>. Server reflection reads <see cref="Descriptor"/>.
/// </remarks>
/// <typeparam name="TBase">The generated service base class (e.g. <c>Intake.IntakeBase</c>).</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "gRPC's BindServiceMethod attribute names a static method of this type.")]
public static class GuardedBinding<TBase>
    where TBase : class
{
    private static readonly Type Generated = typeof(TBase).DeclaringType
        ?? throw new InvalidOperationException($"{typeof(TBase)} is not a generated gRPC service base class.");

    private static readonly MethodInfo GeneratedBind = Generated.GetMethod(
            "BindService", BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), typeof(TBase)])
        ?? throw new InvalidOperationException($"{Generated} has no generated BindService(ServiceBinderBase, {typeof(TBase).Name}).");

    /// <summary>The service's descriptor, for server reflection.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor { get; } =
        (Google.Protobuf.Reflection.ServiceDescriptor)(Generated.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{Generated} has no generated Descriptor."));

    /// <summary>Called by gRPC when it maps the service: binds every method with a guarded request marshaller.</summary>
    public static void BindService(ServiceBinderBase binder, TBase? service) =>
        GeneratedBind.Invoke(null, [new Binder(binder), service]);

    private sealed class Binder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Guard(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Guard(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Guard(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Guard(method), handler);

        private static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
        {
            var parse = method.RequestMarshaller.ContextualDeserializer;
            var guarded = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, context =>
            {
                try
                {
                    return parse(context);
                }
                catch (InvalidProtocolBufferException exception)
                {
                    throw ApiErrors.InvalidArgument("REQUEST", "message", ViolationRules.MessageMalformed,
                        $"The request is not a valid {typeof(TRequest).Name} message: {exception.Message}");
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, guarded, method.ResponseMarshaller);
        }
    }
}
