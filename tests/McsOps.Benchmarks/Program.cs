using McsOps.Benchmarks;

string[] usage =
[
    "usage: " + GenVerb.Usage,
    "       " + RunVerb.Usage,
];

return args switch
{
    ["-h" or "--help" or "help"] => Help(),
    ["gen", .. var rest] => GenVerb.Run(rest),
    ["run", .. var rest] => RunVerb.Run(rest),
    [] => Fail(string.Join('\n', usage)),
    _ => Fail($"unknown command '{args[0]}'\n{string.Join('\n', usage)}"),
};

int Help()
{
    Console.WriteLine(string.Join('\n', usage));
    return 0;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
