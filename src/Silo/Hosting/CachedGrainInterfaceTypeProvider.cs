using System.Collections.Concurrent;

namespace SoSucKhoe.Silo.Hosting;

/// <summary>
/// Orleans resolves the grain interface type of every <c>GetGrain</c> call by reading the interface's custom attributes again
/// (<see cref="AttributeGrainInterfaceTypeProvider"/>, no cache), and the intake and the patient grain ask for several grains per
/// dossier. The answer depends only on the interface, so this decorator remembers it.
/// </summary>
/// <remarks>
/// Kept for a measured cost: the attribute reads were 2.8 % of the hub's working CPU samples under load (profile of the dossier
/// path, see "Measured changes" in docs/benchmarks.md). It replaces Orleans' registration in place, so the resolver asks its
/// providers in the same order, and the host refuses to start if Orleans no longer registers the provider it replaces. Remove it
/// once Orleans' resolver caches the answer itself.
/// </remarks>
public sealed class CachedGrainInterfaceTypeProvider(IGrainInterfaceTypeProvider inner) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, (bool Found, GrainInterfaceType Value)> _answers = new();

    /// <inheritdoc />
    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        ArgumentNullException.ThrowIfNull(type);
        var answer = _answers.GetOrAdd(type, static (t, provider) =>
            (provider.TryGetGrainInterfaceType(t, out var value), value), inner);
        grainInterfaceType = answer.Value;
        return answer.Found;
    }

    /// <summary>
    /// Replaces Orleans' attribute provider in <paramref name="services"/> by a cached one, at the same place in the list (the
    /// resolver asks its providers in registration order). Returns whether the provider was found.
    /// </summary>
    public static bool Replace(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IGrainInterfaceTypeProvider)
                && services[i].ImplementationType == typeof(AttributeGrainInterfaceTypeProvider))
            {
                services[i] = ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider>(
                    provider => new CachedGrainInterfaceTypeProvider(new AttributeGrainInterfaceTypeProvider(provider)));
                return true;
            }
        }

        return false;
    }
}
