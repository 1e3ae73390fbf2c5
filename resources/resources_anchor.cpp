// The resources library holds only compiled-in files; this gives it one object.
namespace radiocode {
int resourcesAnchor = 0;
}
