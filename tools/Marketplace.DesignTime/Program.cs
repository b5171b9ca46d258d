// Nothing runs here: dotnet-ef loads this assembly to find the design-time factories.
return 0;
