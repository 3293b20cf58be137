using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace Platform.Grpc.Reflection;

/// <summary>Answers the requests of one reflection stream, sending each dependency file at most once per stream.</summary>
internal sealed class ReflectionResponder(ReflectionIndex index)
{
    private readonly HashSet<string> _sent = [];

    public ServerReflectionResponse Respond(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                foreach (var name in index.ServiceNames) list.Service.Add(new ServiceResponse { Name = name });
                response.ListServicesResponse = list;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFile(request.FileByFilename), $"File not found: {request.FileByFilename}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index.FindSymbol(request.FileContainingSymbol), $"Symbol not found: {request.FileContainingSymbol}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType when index.IsMessage(request.AllExtensionNumbersOfType):
                // proto3 services declare no extensions: the known type has none.
                response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                SetError(response, StatusCode.NotFound, $"Type not found: {request.AllExtensionNumbersOfType}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, "Extensions are not supported.");
                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "The request names no reflection query.");
                break;
        }
        return response;
    }

    private void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }
        var files = new FileDescriptorResponse();
        // The requested file always; its dependencies only when this stream has not seen them.
        files.FileDescriptorProto.Add(file.SerializedData);
        _sent.Add(file.Name);
        AddDependencies(file, files);
        response.FileDescriptorResponse = files;
    }

    private void AddDependencies(FileDescriptor file, FileDescriptorResponse files)
    {
        foreach (var dependency in file.Dependencies)
        {
            if (!_sent.Add(dependency.Name)) continue;
            files.FileDescriptorProto.Add(dependency.SerializedData);
            AddDependencies(dependency, files);
        }
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
