// The service reads peer credentials (SO_PEERCRED) and uses the C library: it runs on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
