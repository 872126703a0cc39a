using System.CommandLine;
using System.Globalization;
using FormArchive.Archive.Access;
using FormArchive.Domain;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive keys add --name N --role R [--township T | --county C] [--post 经办人|负责人] | list | revoke ID</c>: the
/// service's API keys in FORMARCHIVE_DATA/access.db, each a person's (or a system's). A new key is printed once; only its
/// SHA-256 is stored.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Whose key it is (person or system)", Required = true };
        var role = new Option<string>("--role") { Description = "integrator, clerk, archivist, admin or verifier (a county's 核对机构)", Required = true };
        var township = new Option<string?>("--township") { Description = "For clerks of a township: the 乡镇（街道） whose cases the key may touch" };
        var county = new Option<string?>("--county")
        {
            Description = "For clerks of a county: the 县（区） whose townships' submitted cases the key reviews and decides; "
                + "for a verifier (required): the 县（区） whose townships' cases its 核对 results are filed in",
        };
        var post = new Option<string?>("--post") { Description = "For clerks: 经办人 (handler, the default) or 负责人 (head, who countersigns)" };
        var add = new Command("add", "Create a key and print it (once)") { name, role, township, county, post };
        add.SetAction(result => CliErrors.Run(() =>
        {
            if (!Roles.TryParse(result.GetValue(role), out var r))
                return CliErrors.Fail($"--role must be integrator, clerk, archivist, admin or verifier, not '{result.GetValue(role)}'", CliErrors.BadInput);
            Post? p = null;
            if (result.GetValue(post) is { } text)
            {
                if (!Posts.TryParse(text, out var parsed)) return CliErrors.Fail($"--post 应为 经办人 或 负责人，不是“{text}”", CliErrors.BadInput);
                p = parsed;
            }
            IssuedApiKey issued;
            try { issued = ApiKeyStore.ForDataDirectory().Add(result.GetValue(name)!, r, result.GetValue(township), result.GetValue(county), p); }
            catch (ArgumentException e) { return CliErrors.Fail(e.Message, CliErrors.BadInput); }
            Console.Error.WriteLine($"key {issued.Key.Id} ({Roles.Name(r)}{(issued.Key.Unit is { } u ? ", " + u : "")}"
                + $"{(issued.Key.Post is { } kp ? " " + Posts.Label(kp) : "")}) for {issued.Key.Name}; it is shown only now:");
            Console.WriteLine(issued.Secret);
            return 0;
        }));

        var list = new Command("list", "List keys (never the keys themselves)");
        list.SetAction(_ => CliErrors.Run(() =>
        {
            var keys = ApiKeyStore.ForDataDirectory().List();
            foreach (var k in keys)
                Console.WriteLine(string.Join('\t', k.Id, Roles.Name(k.Role), k.Unit ?? "", k.Post is { } p ? Posts.Label(p) : "", k.Name,
                    ChinaClock(k.CreatedAt),
                    k.RevokedAt is { } at ? $"revoked {ChinaClock(at)}" : "active"));
            Console.WriteLine($"{keys.Count} key{(keys.Count == 1 ? "" : "s")}");
            return 0;
        }));

        var id = new Argument<string>("id") { Description = "Key id (as listed)" };
        var revoke = new Command("revoke", "Revoke a key at once") { id };
        revoke.SetAction(result => CliErrors.Run(() =>
        {
            var keyId = result.GetValue(id)!;
            if (!ApiKeyStore.ForDataDirectory().Revoke(keyId)) return CliErrors.Fail($"no active key {keyId}", CliErrors.BadInput);
            // Say so: a command that changes access should not leave the operator guessing.
            Console.WriteLine($"key {keyId} revoked");
            return 0;
        }));

        return new Command("keys", "Manage the HTTP service's API keys") { add, list, revoke };
    }

    /// <summary>Times are stored in UTC; the offices read China time, so that is what is listed (and said).</summary>
    private static string ChinaClock(DateTimeOffset at) =>
        at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (UTC+8)";
}
