using Microsoft.Extensions.DependencyInjection;
using SoSucKhoe.Silo.Hosting;

namespace SoSucKhoe.Storage.Tests.Hosting;

/// <summary>The grain interface type of an interface is read from its attributes once, then remembered.</summary>
public sealed class CachedGrainInterfaceTypeProviderTests
{
    [Fact]
    public void Answers_like_the_inner_provider_and_asks_it_once_per_interface()
    {
        var inner = new CountingProvider(new AttributeGrainInterfaceTypeProvider(new ServiceCollection().BuildServiceProvider()));
        var cached = new CachedGrainInterfaceTypeProvider(inner);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(cached.TryGetGrainInterfaceType(typeof(IAttributed), out var actual));
            Assert.Equal(GrainInterfaceType.Create("sosuckhoe-test-attributed"), actual);
        }

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void Remembers_that_an_interface_has_no_attribute_so_the_convention_applies()
    {
        var inner = new CountingProvider(new AttributeGrainInterfaceTypeProvider(new ServiceCollection().BuildServiceProvider()));
        var cached = new CachedGrainInterfaceTypeProvider(inner);

        Assert.False(cached.TryGetGrainInterfaceType(typeof(IWithoutAttribute), out _));
        Assert.False(cached.TryGetGrainInterfaceType(typeof(IWithoutAttribute), out _));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void Replace_swaps_the_attribute_provider_in_place_and_keeps_the_others_in_order()
    {
        var first = new NoAnswerProvider();
        var last = new NoAnswerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IGrainInterfaceTypeProvider>(first);
        services.AddSingleton<IGrainInterfaceTypeProvider, AttributeGrainInterfaceTypeProvider>();
        services.AddSingleton<IGrainInterfaceTypeProvider>(last);

        Assert.True(CachedGrainInterfaceTypeProvider.Replace(services));

        var providers = services.BuildServiceProvider().GetServices<IGrainInterfaceTypeProvider>().ToList();
        Assert.Collection(providers,
            p => Assert.Same(first, p),
            p => Assert.IsType<CachedGrainInterfaceTypeProvider>(p),
            p => Assert.Same(last, p));
        Assert.False(CachedGrainInterfaceTypeProvider.Replace(services));
    }

    [GrainInterfaceType("sosuckhoe-test-attributed")]
    public interface IAttributed : IGrainWithStringKey;

    public interface IWithoutAttribute : IGrainWithStringKey;

    private sealed class CountingProvider(IGrainInterfaceTypeProvider inner) : IGrainInterfaceTypeProvider
    {
        public int Calls { get; private set; }

        public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
        {
            Calls++;
            return inner.TryGetGrainInterfaceType(type, out grainInterfaceType);
        }
    }

    private sealed class NoAnswerProvider : IGrainInterfaceTypeProvider
    {
        public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
        {
            grainInterfaceType = default;
            return false;
        }
    }
}
