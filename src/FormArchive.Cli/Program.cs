using System.CommandLine;
using FormArchive.Cli;
using FormArchive.Cli.Commands;

var root = new RootCommand("FormArchive: printable social-assistance forms and their electronic archive.")
{
    FormsCommand.Create(),
    RenderCommand.Create(),
    SchemaCommand.Create(),
    IngestCommand.Create(),
    VerifyCommand.Create(),
    SealCommand.Create(),
    FileCommand.Create(),
    RepairCommand.Create(),
    ExportCommand.Create(),
    ReindexCommand.Create(),
    SearchCommand.Create(),
    DossierCommand.Create(),
    KeysCommand.Create(),
    CaseCommand.Create(),
    TodoCommand.Create(),
    ReviewListCommand.Create(),
    CountyCommand.Create(),
};
return root.Parse(args).Invoke();
