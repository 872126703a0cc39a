using System.Text;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;

namespace FormArchive.Archive.Tests.Storage;

/// <summary>The behaviour every store must have, run on the local folder and on Ceph RGW alike.</summary>
[Collection("archive")]
public sealed class StoreContractTests(ArchiveFixture fx)
{
    private static string Key(string name) => $"contract/{Guid.NewGuid():N}/{name}";

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Put_get_list_delete_round_trip(string kind)
    {
        var store = fx.Store(kind);
        var prefix = Key("x")[..^1];
        await store.PutAsync(StoreArea.Journal, prefix + "b", "two"u8.ToArray());
        await store.PutAsync(StoreArea.Journal, prefix + "a", "one"u8.ToArray());
        await store.PutAsync(StoreArea.Journal, prefix + "a", "uno"u8.ToArray());
        Assert.Equal("uno", Encoding.UTF8.GetString((await store.GetAsync(StoreArea.Journal, prefix + "a"))!));
        var listed = await store.ListAsync(StoreArea.Journal, prefix);
        Assert.Equal([prefix + "a", prefix + "b"], listed.Select(i => i.Key));
        Assert.Equal([3L, 3L], listed.Select(i => i.Size));
        await store.DeleteAsync(StoreArea.Journal, prefix + "a");
        Assert.Null(await store.GetAsync(StoreArea.Journal, prefix + "a"));
        Assert.Single(await store.ListAsync(StoreArea.Journal, prefix));
        Assert.Null(await store.GetAsync(StoreArea.Vault, prefix + "never"));
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Create_if_absent_never_overwrites(string kind)
    {
        var store = fx.Store(kind);
        foreach (var area in new[] { StoreArea.Journal, StoreArea.Vault })
        {
            var key = Key("once");
            Assert.True(await store.TryCreateAsync(area, key, "first"u8.ToArray()));
            Assert.False(await store.TryCreateAsync(area, key, "second"u8.ToArray()));
            Assert.Equal("first", Encoding.UTF8.GetString((await store.GetAsync(area, key))!));
        }
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Exactly_one_of_many_racing_creates_wins(string kind)
    {
        var store = fx.Store(kind);
        var key = Key("race");
        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => store.TryCreateAsync(StoreArea.Journal, key, Encoding.UTF8.GetBytes("writer " + i)))));
        Assert.Equal(1, results.Count(r => r));
        var winner = Encoding.UTF8.GetString((await store.GetAsync(StoreArea.Journal, key))!);
        Assert.Equal("writer " + Array.IndexOf(results, true), winner);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Keys_that_could_escape_are_refused(string kind)
    {
        var store = fx.Store(kind);
        foreach (var bad in new[] { "../x", "a/../../b", "/abs", "a//b", "a/.hidden", "" })
            await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(StoreArea.Journal, bad, "x"u8.ToArray()));
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Large_objects_round_trip_whole(string kind)
    {
        var store = fx.Store(kind);
        var data = new byte[7 * 1024 * 1024 + 13];
        new Random(4).NextBytes(data);
        var key = Key("big");
        Assert.True(await store.TryCreateAsync(StoreArea.Vault, key, data));
        Assert.Equal(data, await store.GetAsync(StoreArea.Vault, key));
    }
}
