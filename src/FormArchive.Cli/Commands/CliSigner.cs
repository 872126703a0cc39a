using FormArchive.Archive.Access;
using FormArchive.Casework;
using FormArchive.Casework.Stages;

namespace FormArchive.Cli.Commands;

/// <summary>
/// Who signs a step recorded from the command line: the person whose access key FORMARCHIVE_KEY holds (the secret,
/// never on the command line, where other users' ps would show it), as the service signs with the request's key.
/// Unset: the step is recorded unsigned, as before people signed.
/// </summary>
internal static class CliSigner
{
    public const string Variable = "FORMARCHIVE_KEY";

    /// <summary>The signer, null when no key is given; a key that is unknown, revoked or not a clerk's is refused.</summary>
    public static Signer? FromEnvironment(Counties counties)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } secret) return null;
        var key = ApiKeyStore.ForDataDirectory().Find(secret.Trim())
            ?? throw new ArgumentException($"{Variable} 中的访问密钥无法识别或已吊销。");
        if (key.Role != Role.Clerk)
            throw new ArgumentException($"{key.Name}的密钥角色是{Roles.Label(key.Role)}，只有乡镇或县（区）的经办人、负责人才能签署办理环节。");
        return counties.SignerOf(key);
    }
}
