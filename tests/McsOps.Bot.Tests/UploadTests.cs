using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Csv;

namespace McsOps.Bot.Tests;

/// <summary>
/// Files streamed to the service (issue 5 item 3): what it keeps of them while an operation runs —
/// a private file in <c>&lt;data dir&gt;/uploads/</c> — is gone in every path, a client that goes
/// away mid-file included, and an auditor's import is refused before any of it is kept.
/// </summary>
public sealed class UploadTests : AdminFacilityTest
{
    /// <summary>The files in <paramref name="dataDirectory"/>'s uploads directory (none when it does not exist).</summary>
    public static string[] Files(string dataDirectory)
    {
        var uploads = Path.Combine(dataDirectory, "uploads");
        return Directory.Exists(uploads) ? Directory.GetFiles(uploads) : [];
    }

    [Fact]
    public async Task ClientGoneMidFile_ImportsNothing_KeepsNoFile_AndTheServiceStillAnswers()
    {
        Service = await RunningService.StartReadyAsync(Dir);
        var csv = Encoding.UTF8.GetBytes(TestFacility.ManyStaff(40_000));
        var json = JsonSerializer.SerializeToUtf8Bytes(new ImportCsv("staff", csv, "many.csv"), Wire.Options);
        var before = Service.Owner.Readiness().Changes;

        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(Service.SocketPath));
            var head = "POST /ops/ImportCsv HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                + $"Content-Length: {csv.Length}\r\n{Wire.OperationHeader}: {Base64Url.EncodeToString(json)}\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head));
            await socket.SendAsync(csv.AsMemory(0, csv.Length / 2));
            // The service is writing the first half into a file of its own…
            await Eventually.TrueAsync(() => Files(Dir) is [var file] && new FileInfo(file).Length > 0, TimeSpan.FromSeconds(30));
        } // …when the client closes the connection.

        await Eventually.TrueAsync(() => Files(Dir).Length == 0, TimeSpan.FromSeconds(30));
        using var client = Service.Connect();
        client.Execute(new ListStaff()).Select(s => s.Staff.Code.Value).Should().BeEquivalentTo("S-0001", "S-0002", "S-0009");
        Service.Owner.Readiness().Changes.Should().Be(before);
    }

    [Fact]
    public async Task FilesLeftByAKilledService_AreDeletedAtTheNextStart()
    {
        var uploads = Path.Combine(Dir, "uploads");
        Directory.CreateDirectory(uploads);
        await File.WriteAllTextAsync(Path.Combine(uploads, "5d41402abc4b2a76b9719d911017c592"), "staff_code,facility_code,name,profession\n");

        Service = await RunningService.StartReadyAsync(Dir);

        Files(Dir).Should().BeEmpty();
    }

    [Fact]
    public async Task Auditor_StreamedImportIs403AndKeepsNothing_StreamedVerifyRuns()
    {
        Service = await RunningService.StartReadyAsync(Dir);
        using (var admin = Service.Connect())
        {
            admin.Execute(new TakeBackup()).Ok.Should().BeTrue();
            admin.Execute(new SetRole(StaffCode.Parse("S-0001"), StaffRoles.Auditor, Grant: true, "audit"));
            admin.Execute(new SetRole(StaffCode.Parse("S-0001"), StaffRoles.Admin, Grant: false, "audit"));
        }

        var backup = Directory.GetFiles(Path.Combine(Dir, "backups"), "*.db").Single();
        var csv = Path.Combine(Dir, "new-staff.csv");
        await File.WriteAllTextAsync(csv, TestFacility.ManyStaff(3_000));

        var import = await Programs.McsopsAsync(Dir, "import", "staff", csv);
        var verify = await Programs.McsopsAsync(Dir, "backup", "verify", backup);

        import.Code.Should().Be(6);
        import.Stderr.Should().Contain("S-0001 may only read (auditor): nothing was changed");
        verify.Code.Should().Be(0, verify.Stderr);
        verify.Stdout.Should().StartWith($"the backup {backup} is sound");
        Files(Dir).Should().BeEmpty();
        using var client = Service.Connect();
        client.Execute(new ListStaff()).Should().HaveCount(3);
        Encoding.UTF8.GetString(client.Execute(new ExportData("audit", ExportFormat.Csv))).Should().Contain(",S-0001,cli,api.refused,ImportCsv,read only (auditor)");
    }
}
