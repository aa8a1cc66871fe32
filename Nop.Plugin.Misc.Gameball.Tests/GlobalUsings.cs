global using FluentAssertions;
global using Moq;
global using NUnit.Framework;
