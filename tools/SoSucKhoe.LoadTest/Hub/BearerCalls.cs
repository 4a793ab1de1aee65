using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>Call invokers that send an API key as <c>authorization: Bearer &lt;key&gt;</c>.</summary>
public static class BearerCalls
{
    public static CallInvoker With(GrpcChannel channel, string key)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + key);
            return metadata;
        });
    }
}
