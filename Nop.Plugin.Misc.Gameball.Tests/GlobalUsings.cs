global using FluentAssertions;
global using Moq;
global using Nop.Plugin.Misc.Gameball.Services.Outbox;
global using NUnit.Framework;
