global using System.Text;
global using System.Xml.Linq;
