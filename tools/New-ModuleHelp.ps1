<#
.SYNOPSIS
    Writes the module's MAML help (en-US/AptReady.dll-Help.xml) from its own sources: the cmdlets'
    parameters as PowerShell sees them, the XML doc comments of the cmdlet classes and parameter
    properties, and the examples in docs/examples/<Cmdlet-Name>.md.
.DESCRIPTION
    An examples file holds fenced powershell blocks, each preceded by one line of explanation.
    Runs in a fresh pwsh (build.ps1 starts it) so that importing the module does not touch the
    build's own session.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocumentationXml,
    [Parameter(Mandatory)] [string] $ExamplesPath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module $ModulePath -PassThru
[xml] $docs = Get-Content $DocumentationXml -Raw
$members = @{}
foreach ($member in $docs.doc.members.member) { $members[$member.name] = $member }
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

function Get-DocText($node) {
    if ($null -eq $node) { return '' }
    $clone = $node.CloneNode($true)
    foreach ($see in @($clone.SelectNodes('.//see|.//paramref|.//typeparamref'))) {
        $name = if ($see.HasAttribute('cref')) { ($see.GetAttribute('cref') -split '[.:]')[-1] } elseif ($see.HasAttribute('langword')) { $see.GetAttribute('langword') } else { $see.GetAttribute('name') }
        $see.ParentNode.ReplaceChild($clone.OwnerDocument.CreateTextNode($name), $see) | Out-Null
    }
    ($clone.InnerText -replace '\s+', ' ').Trim()
}

function Get-Member-Doc([string] $key, [string] $part = 'summary') {
    $member = $members[$key]
    if ($null -eq $member) { return '' }
    Get-DocText $member.SelectSingleNode($part)
}

function Get-Examples([string] $name) {
    $file = Join-Path $ExamplesPath "$name.md"
    if (-not (Test-Path $file)) { return @() }
    $lines = Get-Content $file
    $examples = @()
    $explanation = ''
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^```powershell\s*$') {
            $code = @()
            for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^```\s*$'; $i++) { $code += $lines[$i] }
            $examples += [pscustomobject]@{ Code = ($code -join "`n"); Remarks = $explanation }
            $explanation = ''
        }
        elseif ($line.Trim() -and $line -notmatch '^#') { $explanation = $line.Trim() }
    }
    $examples
}

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
New-Item -ItemType Directory -Force (Split-Path $OutputPath) | Out-Null
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

function Write-Para([string] $text) {
    $writer.WriteStartElement('maml', 'description', $maml)
    $writer.WriteElementString('para', $maml, $text)
    $writer.WriteEndElement()
}

function Get-PipelineInput($parameter) {
    $kinds = @()
    if ($parameter.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($parameter.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter($cmd, $parameter, [bool] $withType) {
    $declaring = $cmd.ImplementingType.GetProperty($parameter.Name).DeclaringType.FullName
    $writer.WriteStartElement('command', 'parameter', $command)
    $writer.WriteAttributeString('required', ([string]$parameter.IsMandatory).ToLowerInvariant())
    $writer.WriteAttributeString('position', $(if ($parameter.Position -ge 0) { [string]$parameter.Position } else { 'named' }))
    $writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $parameter))
    $writer.WriteAttributeString('globbing', 'false')
    $writer.WriteElementString('name', $maml, $parameter.Name)
    Write-Para (Get-Member-Doc "P:$declaring.$($parameter.Name)")
    $typeName = $parameter.ParameterType.Name
    if ($typeName -ne 'SwitchParameter') {
        $writer.WriteStartElement('command', 'parameterValue', $command)
        $writer.WriteAttributeString('required', 'true')
        $writer.WriteString($typeName)
        $writer.WriteEndElement()
    }
    if ($withType) {
        $writer.WriteStartElement('dev', 'type', $dev)
        $writer.WriteElementString('name', $maml, $parameter.ParameterType.FullName)
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
}

$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
foreach ($cmd in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $typeKey = "T:$($cmd.ImplementingType.FullName)"
    $summary = Get-Member-Doc $typeKey
    $remarks = Get-Member-Doc $typeKey 'remarks'
    $synopsis = ($summary -split '(?<=\.)\s')[0]

    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('command', 'details', $command)
    $writer.WriteElementString('name', $command, $cmd.Name)
    $writer.WriteElementString('verb', $command, $cmd.Verb)
    $writer.WriteElementString('noun', $command, $cmd.Noun)
    Write-Para $synopsis
    $writer.WriteEndElement()
    Write-Para ((@($summary, $remarks) | Where-Object { $_ }) -join ' ')

    $writer.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $cmd.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $command)
        $writer.WriteElementString('name', $maml, $cmd.Name)
        foreach ($parameter in $set.Parameters | Where-Object Name -NotIn $common) { Write-Parameter $cmd $parameter $false }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $command)
    $seen = @{}
    foreach ($set in $cmd.ParameterSets) {
        foreach ($parameter in $set.Parameters | Where-Object Name -NotIn $common) {
            if ($seen[$parameter.Name]) { continue }
            $seen[$parameter.Name] = $true
            Write-Parameter $cmd $parameter $true
        }
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'returnValues', $command)
    foreach ($type in $cmd.OutputType) {
        $writer.WriteStartElement('command', 'returnValue', $command)
        $writer.WriteStartElement('dev', 'type', $dev)
        $writer.WriteElementString('name', $maml, $type.Name)
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'examples', $command)
    $n = 0
    foreach ($example in Get-Examples $cmd.Name) {
        $n++
        $writer.WriteStartElement('command', 'example', $command)
        $writer.WriteElementString('title', $maml, "-------------------------- Example $n --------------------------")
        $writer.WriteElementString('code', $dev, $example.Code)
        $writer.WriteStartElement('dev', 'remarks', $dev)
        $writer.WriteElementString('para', $maml, $example.Remarks)
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.Dispose()
Write-Host "Help written: $OutputPath"
