#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Builds the installable plugin archive dist/Misc.Gameball.zip (admin > Local plugins > Upload plugin or theme).

.DESCRIPTION
  Restores, runs the tests (unless -SkipTests), builds the plugin in Release and writes dist/Misc.Gameball.zip:
  one root folder Misc.Gameball/ with the plugin dll, plugin.json, logo.png, Views/** and the third-party dlls the
  plugin ships. By default the plugin compiles against the nopCommerce 4.90 stand-in in sdk/; with -NopCommerce it
  compiles against a real nopCommerce 4.90 source tree instead (its src folder), as nopCommerce's own plugins do.
  Either way the package is for nopCommerce 4.90 only.

.EXAMPLE
  dotnet tool restore && dotnet pwsh ./build.ps1
.EXAMPLE
  dotnet pwsh ./build.ps1 -NopCommerce ~/nopCommerce/src -SkipTests
#>
[CmdletBinding()]
param(
    # a nopCommerce 4.90 "src" folder (holding Presentation/Nop.Web/Nop.Web.csproj)
    [string] $NopCommerce,
    [switch] $SkipTests,
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$plugin = Join-Path $root 'Nop.Plugin.Misc.Gameball/Nop.Plugin.Misc.Gameball.csproj'
$solution = Join-Path $root 'Nop.Plugin.Misc.Gameball.sln'
$dist = Join-Path $root 'dist'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

$buildProperties = @()
if ($NopCommerce) {
    $src = (Resolve-Path $NopCommerce).Path
    if (-not (Test-Path (Join-Path $src 'Presentation/Nop.Web/Nop.Web.csproj'))) {
        throw "$src is not a nopCommerce src folder: Presentation/Nop.Web/Nop.Web.csproj is missing."
    }
    Write-Host "Building against nopCommerce at $src"
    $buildProperties += "-p:NopCommerceSource=$src"
    $buildProperties += "-p:SolutionDir=$src$([IO.Path]::DirectorySeparatorChar)"
}

if (-not $SkipTests) {
    # the tests always run against the stand-in in sdk/
    Invoke-Dotnet test $solution -c $Configuration --nologo
}

# built last, so the packaged folder is this build's (against sdk/ or the real nopCommerce)
Invoke-Dotnet build $plugin -c $Configuration --nologo @buildProperties

New-Item -ItemType Directory -Force -Path $dist | Out-Null
$zip = Join-Path $dist 'Misc.Gameball.zip'
Copy-Item (Join-Path $root 'artifacts/Misc.Gameball.zip') $zip -Force
Write-Host "Plugin package: $zip"
